using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.His;
using Platform.Contracts.Payment;
using Platform.Contracts.Scheduling;
using Platform.Testing;
using Scheduling.API.Infrastructure;

namespace Scheduling.Tests;

/// <summary>The Scheduling service on a fresh database and virtual host, with an adjustable clock and a queue of its own
/// capturing what the service publishes for patients and the HIS.</summary>
public class SchedulingFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;
    public TestVirtualHost VirtualHost { get; private set; } = null!;
    public EventCapture Published { get; private set; } = null!;
    public ServiceFactory<SchedulingDbContext> Service { get; private set; } = null!;
    public AdjustableClock Clock { get; } = new();
    public SchedulingWorld World { get; private set; } = null!;

    protected virtual IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync("scheduling");
        VirtualHost = await TestVirtualHost.CreateAsync("scheduling");
        Published = await EventCapture.StartAsync(VirtualHost.AmqpUri,
            typeof(ClinicStoppedIntegrationEvent), typeof(HisSessionStopRequestedIntegrationEvent), typeof(SlotsLimitedIntegrationEvent),
            typeof(ClinicScheduleChangedIntegrationEvent),
            typeof(HisSlotsCloseRequestedIntegrationEvent), typeof(AppointmentStatusChangedIntegrationEvent),
            typeof(HisAppointmentRequestedIntegrationEvent), typeof(HisAppointmentCancelRequestedIntegrationEvent),
            typeof(AppointmentBookedIntegrationEvent), typeof(AppointmentCancelledIntegrationEvent), typeof(SlotOfferedIntegrationEvent),
            typeof(AppointmentReminderDueIntegrationEvent), typeof(HisSessionAddRequestedIntegrationEvent), typeof(ExamRoomOutageIntegrationEvent),
            typeof(HisSlotsReopenRequestedIntegrationEvent), typeof(PaymentRequestedIntegrationEvent), typeof(PaymentWithdrawnIntegrationEvent),
            typeof(RefundRequestedIntegrationEvent), typeof(ExamBookedIntegrationEvent), typeof(ExamCancelledIntegrationEvent));
        Service = Replica();
        _ = Service.Server;
        World = new SchedulingWorld(this);
    }

    /// <summary>Another instance of the service on the same database and broker (what a second replica or a restart sees).</summary>
    public ServiceFactory<SchedulingDbContext> Replica()
    {
        var settings = new Dictionary<string, string>
        {
            ["Scheduling:WorkerInterval"] = "00:00:00.200",
            ["Scheduling:ReminderInterval"] = "00:00:00.200",
        };
        foreach (var (k, v) in ExtraSettings) settings[k] = v;
        return new SchedulingFactory(Database, VirtualHost.AmqpUri, settings, Clock);
    }

    public async Task DisposeAsync()
    {
        await Service.DisposeAsync();
        await Published.DisposeAsync();
        await VirtualHost.DisposeAsync();
        await Database.DisposeAsync();
    }

    private sealed class SchedulingFactory(TestDatabase database, string amqpUri, Dictionary<string, string> extra, AdjustableClock clock)
        : ServiceFactory<SchedulingDbContext>(Settings(database, amqpUri, extra))
    {
        private static Dictionary<string, string> Settings(TestDatabase database, string amqpUri, Dictionary<string, string> extra)
        {
            var settings = new Dictionary<string, string>
            {
                ["ConnectionStrings:schedulingdb"] = database.ConnectionString,
                ["ConnectionStrings:rabbitmq"] = amqpUri,
                ["Messaging:Outbox:PollInterval"] = "00:00:00.500",
                ["Messaging:Outbox:MaxBackoff"] = "00:00:02",
                ["RateLimiting:PermitsPerMinute"] = "100000",
            };
            foreach (var (k, v) in extra) settings[k] = v;
            return settings;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
        }
    }
}

/// <summary>Unpaid holds: the booking waits for payment (待支付) and lapses after Scheduling:HoldMinutes.</summary>
public sealed class PaymentRequiredFixture : SchedulingFixture
{
    protected override IReadOnlyDictionary<string, string> ExtraSettings =>
        new Dictionary<string, string> { ["Scheduling:ConfirmWithoutPayment"] = "false", ["Scheduling:HoldMinutes"] = "15" };
}
