using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using FollowUp.API.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.FollowUp;
using Platform.Contracts.Staff;
using Platform.ServiceDefaults.Auth;
using Platform.Testing;

namespace FollowUp.Tests;

/// <summary>The FollowUp service on a fresh database and virtual host, with the SMS simulator for staff alerts and a
/// clock the tests move; Queue's and the HIS adapter's events arrive as they publish them, and what the service
/// publishes for Notification is captured.</summary>
public class FollowUpFixture : IAsyncLifetime
{
    public const string SmsKey = "followup-test-sms-key";
    public TestDatabase Database { get; private set; } = null!;
    public TestVirtualHost VirtualHost { get; private set; } = null!;
    public EventCapture Published { get; private set; } = null!;
    public SimulatorProcess Sms { get; private set; } = null!;
    public ServiceFactory<FollowUpDbContext> Service { get; private set; } = null!;
    public AdjustableClock Clock { get; } = new();
    /// <summary>The complaints office (投诉办): claimed on the fresh database, it sees every department's complaints.</summary>
    public Guid OfficeAccount { get; } = Guid.CreateVersion7();

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync("followup");
        VirtualHost = await TestVirtualHost.CreateAsync("followup");
        Sms = await SimulatorProcess.StartAsync("Sms", new Dictionary<string, string> { ["SMS_API_KEY"] = SmsKey });
        Published = await EventCapture.StartAsync(VirtualHost.AmqpUri, typeof(SurveySentIntegrationEvent),
            typeof(ComplaintRepliedIntegrationEvent), typeof(ComplaintStatusChangedIntegrationEvent), typeof(StaffWorkChangedIntegrationEvent));
        Service = new FollowUpFactory(Database, VirtualHost.AmqpUri, Sms.BaseUrl, Clock, await StartUpstreamAsync());
        _ = Service.Server;
        var claimed = await StaffClient().PostAsync("/api/followup/admin/staff/me/complaints-office", null);
        claimed.EnsureSuccessStatusCode();
    }

    /// <summary>Settings of what the service calls besides the broker and SMS: here an HIS adapter and Identity that
    /// never answer (closed ports); the real chain in <see cref="HisFollowUpFixture"/>.</summary>
    protected virtual Task<IReadOnlyDictionary<string, string>> StartUpstreamAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>
        {
            ["Endpoints:his"] = $"http://127.0.0.1:{LoopbackPorts.Free()}",
            ["PatientDirectory:BaseUrl"] = $"http://127.0.0.1:{LoopbackPorts.Free()}",
            ["PatientDirectory:ClientId"] = "followup",
            ["PatientDirectory:ClientSecret"] = "unused-secret-0123456789",
        });

    public HttpClient PatientClient(Guid accountId, params Guid[] patients) =>
        Service.CreateClient(TestTokens.For(PlatformRoles.Patient, accountId.ToString(), "患者", claims: patients.Select(p => new Claim(PlatformClaims.PatientIds, p.ToString()))));

    /// <summary>A member of the complaints office (all departments); <paramref name="account"/> another staff account.</summary>
    public HttpClient StaffClient(string name = "王主任", Guid? account = null) =>
        Service.CreateClient(TestTokens.For(PlatformRoles.Staff, (account ?? OfficeAccount).ToString(), name));

    /// <summary>A staff account the complaints office assigned to <paramref name="departments"/>.</summary>
    public async Task<HttpClient> DepartmentStaffAsync(string name, params string[] departments)
    {
        var account = Guid.CreateVersion7();
        var assigned = await StaffClient().PutAsJsonAsync($"/api/followup/admin/staff/{account}", new { name, departments, complaintsOffice = false });
        assigned.EnsureSuccessStatusCode();
        return StaffClient(name, account);
    }

    public HttpClient Anonymous() => Service.CreateClient();


    public Task PublishAsync<T>(T message) where T : class => TestBus.PublishAsync<T>(VirtualHost.AmqpUri, _ => { }, message);

    /// <summary>The SMS the simulator accepted for <paramref name="phone"/>, newest first.</summary>
    public async Task<List<string>> SmsTextsAsync(string phone)
    {
        var messages = await Sms.Http.GetFromJsonAsync<JsonElement>($"$sim/messages?phone={phone}");
        return messages.EnumerateArray().Select(m => m.GetProperty("params").GetProperty("text").GetString() ?? "").ToList();
    }

    public virtual async Task DisposeAsync()
    {
        await Service.DisposeAsync();
        await Published.DisposeAsync();
        await Sms.DisposeAsync();
        await VirtualHost.DisposeAsync();
        await Database.DisposeAsync();
    }

    private sealed class FollowUpFactory(TestDatabase database, string amqpUri, string smsUrl, AdjustableClock clock,
        IReadOnlyDictionary<string, string> upstream)
        : ServiceFactory<FollowUpDbContext>(new Dictionary<string, string>
        {
            ["ConnectionStrings:followupdb"] = database.ConnectionString,
            ["ConnectionStrings:rabbitmq"] = amqpUri,
            ["Messaging:Outbox:PollInterval"] = "00:00:00.200",
            ["Messaging:Outbox:MaxBackoff"] = "00:00:02",
            ["RateLimiting:PermitsPerMinute"] = "100000",
            ["Sms:BaseUrl"] = smsUrl,
            ["Sms:ApiKey"] = SmsKey,
            ["FollowUp:WorkerInterval"] = "00:00:00.200",
            ["FollowUp:SurveyCapPer30Days"] = "2",
        }.Concat(TestKeys.Security("followup")).Concat(upstream).ToDictionary())
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
        }
    }
}
