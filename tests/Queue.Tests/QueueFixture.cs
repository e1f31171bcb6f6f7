using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Queue;
using Platform.ServiceDefaults.Auth;
using Platform.Testing;
using Queue.API.Application.Itinerary;
using Queue.API.Infrastructure;

namespace Queue.Tests;

/// <summary>The Queue service on a fresh database and virtual host, with an adjustable clock; appointments and patient
/// links arrive as Scheduling and Identity publish them, and what the service publishes is captured.</summary>
public class QueueFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;
    public TestVirtualHost VirtualHost { get; private set; } = null!;
    public EventCapture Published { get; private set; } = null!;
    public ServiceFactory<QueueDbContext> Service { get; private set; } = null!;
    /// <summary>Starts at 10:00 Beijing time: a visit a few hours on is still today's clinic whenever the tests run.</summary>
    public AdjustableClock Clock { get; } = StartingAtTen();

    private static AdjustableClock StartingAtTen()
    {
        var clock = new AdjustableClock();
        clock.SetBeijingTimeToday(new TimeOnly(10, 0));
        return clock;
    }

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync("queue");
        VirtualHost = await TestVirtualHost.CreateAsync("queue");
        Published = await EventCapture.StartAsync(VirtualHost.AmqpUri, typeof(QueueChangedIntegrationEvent),
            typeof(QueueTurnNearIntegrationEvent), typeof(QueueCalledIntegrationEvent), typeof(ExamPreparationDueIntegrationEvent),
            typeof(MedicationGuidanceIntegrationEvent));
        Service = new QueueFactory(Database, VirtualHost.AmqpUri, Clock);
        _ = Service.Server;
    }

    public HttpClient StaffClient() => Client(PlatformRoles.Staff, Guid.NewGuid().ToString(), "门诊办");

    public HttpClient PharmacistClient() => Client(PlatformRoles.Pharmacist, Guid.NewGuid().ToString(), "李药师");

    /// <summary>Reads the service's own tables, for what no API shows (an event consumed, nothing yet published).</summary>
    public async Task<T> QueryAsync<T>(Func<QueueDbContext, Task<T>> query)
    {
        await using var scope = Service.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<QueueDbContext>());
    }

    public HttpClient PatientClient(Guid accountId) => Client(PlatformRoles.Patient, accountId.ToString());

    /// <summary>A doctor's workstation; <paramref name="practitionerId"/> is the HIS Practitioner their account is linked to.</summary>
    public HttpClient DoctorClient(string? practitionerId) => Client(PlatformRoles.Doctor, Guid.NewGuid().ToString(), "王医生", practitionerId);

    public HttpClient Client(string role, string subject, string? name = null, string? practitionerId = null)
    {
        var client = Service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            TestTokens.For(role, subject, name, practitionerId: practitionerId));
        return client;
    }

    public Task PublishAsync<T>(T message) where T : class => TestBus.PublishAsync<T>(VirtualHost.AmqpUri, _ => { }, message);

    /// <summary>Published with a known broker message id, so a test can tell when the service has consumed it.</summary>
    public Task PublishAsync<T>(T message, Guid messageId) where T : class =>
        TestBus.PublishAsync<T>(VirtualHost.AmqpUri, context => context.MessageId = messageId, message);

    public async Task DisposeAsync()
    {
        await Service.DisposeAsync();
        await Published.DisposeAsync();
        await VirtualHost.DisposeAsync();
        await Database.DisposeAsync();
    }

    private sealed class QueueFactory(TestDatabase database, string amqpUri, AdjustableClock clock)
        : ServiceFactory<QueueDbContext>(Settings(database, amqpUri))
    {
        private static Dictionary<string, string> Settings(TestDatabase database, string amqpUri) => new()
        {
            ["ConnectionStrings:queuedb"] = database.ConnectionString,
            ["ConnectionStrings:rabbitmq"] = amqpUri,
            ["Messaging:Outbox:PollInterval"] = "00:00:00.200",
            ["Messaging:Outbox:MaxBackoff"] = "00:00:02",
            ["RateLimiting:PermitsPerMinute"] = "100000",
            ["Queue:ExamPreparationInterval"] = "00:00:00.200",
            // No Scheduling runs here: 候诊信息 must still answer, without remaining slots.
            ["Endpoints:scheduling"] = $"http://127.0.0.1:{LoopbackPorts.Free()}",
            ["Endpoints:hospital"] = $"http://127.0.0.1:{LoopbackPorts.Free()}",
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(clock);
                services.AddSingleton<IPlaceDirectory, FakePlaceDirectory>();
            });
        }
    }
}
