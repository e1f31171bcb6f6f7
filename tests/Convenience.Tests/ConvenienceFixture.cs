using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Convenience.API.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Convenience;
using Platform.Contracts.Payment;
using Platform.Contracts.Staff;
using Platform.ServiceDefaults.Auth;
using Platform.Testing;

namespace Convenience.Tests;

/// <summary>The Convenience service on a fresh database and virtual host; payments and admissions arrive as Payment and
/// the HIS adapter publish them, and what the service publishes is captured.</summary>
public class ConvenienceFixture : IAsyncLifetime
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    public TestDatabase Database { get; private set; } = null!;
    public TestVirtualHost VirtualHost { get; private set; } = null!;
    public EventCapture Published { get; private set; } = null!;
    public ServiceFactory<ConvenienceDbContext> Service { get; private set; } = null!;
    public AdjustableClock Clock { get; } = new();

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync("convenience");
        VirtualHost = await TestVirtualHost.CreateAsync("convenience");
        Published = await EventCapture.StartAsync(VirtualHost.AmqpUri, typeof(PaymentRequestedIntegrationEvent), typeof(PaymentWithdrawnIntegrationEvent),
            typeof(RefundRequestedIntegrationEvent), typeof(ServiceOrderStatusChangedIntegrationEvent), typeof(HomeVisitStatusChangedIntegrationEvent),
            typeof(ChronicReadingOutOfRangeIntegrationEvent), typeof(ChronicMeasurementReminderDueIntegrationEvent),
            typeof(StaffWorkChangedIntegrationEvent));
        Service = new ConvenienceFactory(Database, VirtualHost.AmqpUri, Clock);
        _ = Service.Server;
    }

    /// <summary>A patient account's client acting for <paramref name="patients"/> (the pid claim).</summary>
    public HttpClient PatientClient(Guid accountId, params Guid[] patients) => Service.CreateClient(TestTokens.For(PlatformRoles.Patient, accountId.ToString(), "患者",
        claims: patients.Select(p => new Claim(PlatformClaims.PatientIds, p.ToString()))));

    public HttpClient StaffClient(string name = "王护士长") => Service.CreateClient(TestTokens.For(PlatformRoles.Staff, Guid.NewGuid().ToString(), name));

    public HttpClient Anonymous() => Service.CreateClient();


    public Task PublishAsync<T>(T message) where T : class => TestBus.PublishAsync<T>(VirtualHost.AmqpUri, _ => { }, message);

    public async Task<JsonElement> ItemAsync(string code, string? date = null)
    {
        var items = await Anonymous().GetFromJsonAsync<JsonElement>($"/api/convenience/items{(date is null ? "" : $"?date={date}")}");
        return items.EnumerateArray().Single(i => i.GetProperty("code").GetString() == code);
    }

    public async Task<JsonElement> StaffItemAsync(string code)
    {
        var items = await StaffClient().GetFromJsonAsync<JsonElement>("/api/convenience/staff/items");
        return items.EnumerateArray().Single(i => i.GetProperty("code").GetString() == code);
    }

    public Task PayAsync(Guid patientId, string kind, Guid orderId, long fen) =>
        PublishAsync(new PaymentSucceededIntegrationEvent(Guid.NewGuid(), patientId, kind, orderId, fen, "便民服务", DateTimeOffset.UtcNow));

    public async Task DisposeAsync()
    {
        await Service.DisposeAsync();
        await Published.DisposeAsync();
        await VirtualHost.DisposeAsync();
        await Database.DisposeAsync();
    }

    private sealed class ConvenienceFactory(TestDatabase database, string amqpUri, AdjustableClock clock)
        : ServiceFactory<ConvenienceDbContext>(new Dictionary<string, string>
        {
            ["ConnectionStrings:conveniencedb"] = database.ConnectionString,
            ["ConnectionStrings:rabbitmq"] = amqpUri,
            ["Messaging:Outbox:PollInterval"] = "00:00:00.200",
            ["Messaging:Outbox:MaxBackoff"] = "00:00:02",
            ["RateLimiting:PermitsPerMinute"] = "100000",
            ["Convenience:ReminderInterval"] = "00:00:00.200",
        }.Concat(TestKeys.Security("convenience")).ToDictionary())
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
        }
    }
}
