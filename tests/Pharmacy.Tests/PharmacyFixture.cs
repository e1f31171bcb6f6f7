using System.Security.Claims;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Pharmacy.API.Infrastructure;
using Platform.Contracts;
using Platform.Contracts.His;
using Platform.Contracts.Payment;
using Platform.Contracts.Pharmacy;
using Platform.ServiceDefaults.Auth;
using Platform.Testing;

namespace Pharmacy.Tests;

/// <summary>The Pharmacy service on a fresh database and virtual host with the courier simulator; HIS snapshots and
/// payments arrive as the HIS adapter and Payment publish them, and what the service publishes is captured.</summary>
public class PharmacyFixture : IAsyncLifetime
{
    public const string CourierSecret = "courier-test-secret";
    public TestDatabase Database { get; private set; } = null!;
    public TestVirtualHost VirtualHost { get; private set; } = null!;
    public EventCapture Published { get; private set; } = null!;
    public SimulatorProcess Courier { get; private set; } = null!;
    public ServiceFactory<PharmacyDbContext> Service { get; private set; } = null!;
    public AdjustableClock Clock { get; } = new();

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync("pharmacy");
        VirtualHost = await TestVirtualHost.CreateAsync("pharmacy");
        Courier = await SimulatorProcess.StartAsync("Courier", new Dictionary<string, string> { ["COURIER_APP_SECRET"] = CourierSecret });
        Published = await EventCapture.StartAsync(VirtualHost.AmqpUri, typeof(MedicationSafetyAlertRaisedIntegrationEvent),
            typeof(PaymentRequestedIntegrationEvent), typeof(DeliveryStatusChangedIntegrationEvent), typeof(DoseReminderDueIntegrationEvent),
            typeof(PaymentWithdrawnIntegrationEvent), typeof(RefundRequestedIntegrationEvent));
        Service = new PharmacyFactory(Database, VirtualHost.AmqpUri, Courier.BaseUrl, Clock);
        _ = Service.Server;
    }

    /// <summary>A patient account's client acting for <paramref name="patients"/> (the pid claim).</summary>
    public HttpClient PatientClient(Guid accountId, params Guid[] patients) => PatientClient(Service, accountId, patients);

    public HttpClient PatientClient(ServiceFactory<PharmacyDbContext> service, Guid accountId, params Guid[] patients) =>
        service.CreateClient(TestTokens.For(PlatformRoles.Patient, accountId.ToString(), "患者",
            claims: patients.Select(p => new Claim(PlatformClaims.PatientIds, p.ToString()))));

    /// <summary>Another instance of the service, on a database of the test's own.</summary>
    public ServiceFactory<PharmacyDbContext> ServiceOn(TestDatabase database) => new PharmacyFactory(database, VirtualHost.AmqpUri, Courier.BaseUrl, Clock);

    public HttpClient PharmacistClient() => Service.CreateClient(TestTokens.For(PlatformRoles.Pharmacist, Guid.NewGuid().ToString(), "李药师"));

    public HttpClient Anonymous() => Service.CreateClient();

    public Task PublishAsync<T>(T message) where T : class => TestBus.PublishAsync<T>(VirtualHost.AmqpUri, ctx =>
    {
        if (message is Platform.Contracts.IntegrationEvent e) ctx.MessageId = e.Id;
    }, message);

    public async Task DisposeAsync()
    {
        await Service.DisposeAsync();
        await Published.DisposeAsync();
        await Courier.DisposeAsync();
        await VirtualHost.DisposeAsync();
        await Database.DisposeAsync();
    }

    private sealed class PharmacyFactory(TestDatabase database, string amqpUri, string courierUrl, AdjustableClock clock)
        : ServiceFactory<PharmacyDbContext>(new Dictionary<string, string>
        {
            ["ConnectionStrings:pharmacydb"] = database.ConnectionString,
            ["ConnectionStrings:rabbitmq"] = amqpUri,
            ["Messaging:Outbox:PollInterval"] = "00:00:00.200",
            ["Messaging:Outbox:MaxBackoff"] = "00:00:02",
            ["RateLimiting:PermitsPerMinute"] = "100000",
            ["Pharmacy:Courier:BaseUrl"] = courierUrl,
            ["Pharmacy:Courier:AppSecret"] = CourierSecret,
            ["Pharmacy:Courier:CallbackUrl"] = "http://127.0.0.1:9/api/pharmacy/courier/callbacks",
            ["Pharmacy:ReminderInterval"] = "00:00:00.200",
        }.Concat(TestKeys.Security("pharmacy")).ToDictionary())
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
        }
    }
}

/// <summary>HIS snapshots as the HIS adapter publishes them.</summary>
public static class His
{
    public static HisPrescriptionLine Line(string hisId, string code, string name, decimal dose, string unit, int timesPerDay,
        string category = "outpatient", int days = 7, string status = "active") =>
        new(hisId, category, "enc-1", code, name, dose, unit, timesPerDay, false, "口服", $"每次{dose}{unit}，每日{timesPerDay}次", days,
            $"{timesPerDay * days}次剂量", "王医生", DateTimeOffset.UtcNow.AddHours(-1), status, null, null);

    public static HisMedicationsSyncedIntegrationEvent Snapshot(Guid patientId, IReadOnlyList<string> allergies, params HisPrescriptionLine[] lines) =>
        new(patientId, new HisMedicationContext(36, "male", false, 70, allergies, []), lines);
}
