using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MassTransit;
using Notification.API.Infrastructure;
using Platform.Contracts;
using Platform.Contracts.Identity;
using Platform.Messaging;
using Platform.ServiceDefaults.Patients;
using Platform.Testing;

namespace Notification.Tests;

/// <summary>The Notification service on Kestrel (so the SignalR client reaches it over a real socket) with its own database and
/// virtual host, a bus to publish other services' events, and a local SMS provider.</summary>
public sealed class NotificationFixture : IAsyncLifetime
{
    public const string ReportTemplateId = "tpl-report-ready";
    public const string MiniProgramReportTemplateId = "tpl-mp-report-ready";
    public const string MiniProgramVisitTemplateId = "tpl-mp-visit-reminder";

    public TestDatabase Database { get; private set; } = null!;
    public TestVirtualHost VirtualHost { get; private set; } = null!;
    public SmsReceiver Sms { get; private set; } = null!;
    public IdentityStub Identity { get; } = new();
    public ServiceFactory<NotificationDbContext> Service { get; private set; } = null!;
    public string BaseUrl { get; private set; } = null!;
    private IBusControl _bus = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync("notification");
        VirtualHost = await TestVirtualHost.CreateAsync("notification");
        Sms = new SmsReceiver();
        var port = SmsReceiver.FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        Service = ServiceFactory<NotificationDbContext>.Create("notificationdb", Database, VirtualHost.AmqpUri, new Dictionary<string, string>
        {
            ["Sms:BaseUrl"] = Sms.BaseUrl,
            ["Sms:ApiKey"] = SmsReceiver.ApiKey,
            ["Notification:Delivery:PollInterval"] = "00:00:00.200",
            ["Notification:Delivery:MaxBackoff"] = "00:00:01",
            ["Notification:WeChatTemplates:report"] = ReportTemplateId,
            ["Notification:PatientAppBaseUrl"] = "https://h5.example-hospital.cn",
            ["Notification:MiniProgram:Templates:report:TemplateId"] = MiniProgramReportTemplateId,
            ["Notification:MiniProgram:Templates:report:Title"] = "报告已出",
            ["Notification:MiniProgram:Templates:report:Kind"] = "one-time",
            ["Notification:MiniProgram:Templates:report:Keywords:thing1"] = "title",
            ["Notification:MiniProgram:Templates:report:Keywords:thing2"] = "body",
            ["Notification:MiniProgram:Templates:report:Keywords:time3"] = "time",
            ["Notification:MiniProgram:Templates:report:Keywords:phrase4"] = "=已出具",
            ["Notification:MiniProgram:Templates:appointment:TemplateId"] = MiniProgramVisitTemplateId,
            ["Notification:MiniProgram:Templates:appointment:Title"] = "就诊提醒",
            ["Notification:MiniProgram:Templates:appointment:Kind"] = "long-term",
            ["Notification:MiniProgram:Templates:appointment:Keywords:thing1"] = "title",
            ["Notification:MiniProgram:Templates:appointment:Keywords:thing2"] = "body",
            ["Notification:MiniProgram:Templates:appointment:Keywords:time3"] = "time",
        }.Concat(Identity.Settings).Concat(TestKeys.Security("notification")).ToDictionary());
        Service.UseKestrel(port);
        Service.StartServer();

        var address = BrokerAddress.Parse(VirtualHost.AmqpUri);
        _bus = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(address.Host, address.Port, address.VirtualHost, h =>
        {
            h.Username(address.Username);
            h.Password(address.Password);
        }));
        await _bus.StartAsync();
        await WaitForConsumersAsync();
    }

    /// <summary>Publishes like an outbox would: as its runtime type, with the event id as the broker MessageId.</summary>
    public Task PublishAsync<T>(T e) where T : IntegrationEvent =>
        _bus.Publish(e, e.GetType(), ctx => ctx.MessageId = e.Id);

    public async Task RegisterPatientAsync(Guid accountId, Guid patientId, string phone, string name = "张三")
    {
        Identity.Put(new PatientDetails(patientId, accountId, name, "male", new DateOnly(1980, 5, 1), "resident_id",
            "110101198005010011", phone));
        await PublishAsync(new PatientRegisteredIntegrationEvent(patientId, accountId));
        await Eventually.Until(() => Database.ScalarAsync(
                $"SELECT count(*) FROM patient_accounts WHERE patient_id = '{patientId}' AND account_id = '{accountId}'"),
            n => n == 1, what: "patient linked to account");
    }

    /// <summary>Binds the account to a WeChat user the way Identity does once the owner confirmed it: the event.</summary>
    public async Task BindWeChatAsync(Guid accountId, string openId)
    {
        var weChatUserId = TestKeys.WeChatUserIds.For(openId);
        await PublishAsync(new WeChatAccountBoundIntegrationEvent(accountId, weChatUserId));
        await Eventually.Until(() => Database.ScalarAsync(
                $"SELECT count(*) FROM wechat_bindings WHERE account_id = '{accountId}' AND wechat_user_id = '{weChatUserId}'"),
            n => n == 1, what: "WeChat binding recorded");
    }

    public Task<long> MessagesFor(Guid eventId, Guid? accountId = null) => Database.ScalarAsync(
        $"SELECT count(*) FROM messages WHERE source_event_id = '{eventId}'" + (accountId is { } a ? $" AND account_id = '{a}'" : ""));

    public Task WaitForMessageAsync(Guid eventId, Guid accountId) =>
        Eventually.Until(() => MessagesFor(eventId, accountId), n => n >= 1, what: $"message for event {eventId}");

    /// <summary>Every live push this service wrote is on the broker (and so delivered, or dropped for want of a connection).</summary>
    public Task WaitForPushesSentAsync() =>
        Eventually.Until(() => Database.ScalarAsync("SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL"), n => n == 0,
            what: "the outbox published");

    public HttpClient Client(Guid accountId)
    {
        var client = Service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(accountId));
        return client;
    }

    public static string Token(Guid accountId) => TestTokens.For("patient", subject: accountId.ToString(), name: "测试患者");

    public async Task<JsonElement> MessagesPageAsync(Guid accountId, string query = "") =>
        await Client(accountId).GetFromJsonAsync<JsonElement>("/api/notification/messages" + query);

    public static string NewPhone() => "139" + Random.Shared.Next(10_000_000, 99_999_999);

    /// <summary>Consumers bind their queues while the bus starts in the background; publishing earlier would be lost.</summary>
    private async Task WaitForConsumersAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(TestEnvironment.RabbitManagement) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TestEnvironment.RabbitUser}:{TestEnvironment.RabbitPassword}")));
        await Eventually.Until(async () =>
        {
            var queues = await http.GetFromJsonAsync<JsonElement>($"/api/queues/{Uri.EscapeDataString(VirtualHost.Name)}");
            return queues.EnumerateArray().Count(q => q.TryGetProperty("consumers", out var c) && c.GetInt32() > 0);
        }, n => n >= 24, TimeSpan.FromSeconds(60), "every consumer queue bound");
    }

    public async Task DisposeAsync()
    {
        await _bus.StopAsync();
        await Service.DisposeAsync();
        await Sms.DisposeAsync();
        await Identity.DisposeAsync();
        await VirtualHost.DisposeAsync();
        await Database.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class NotificationCollection : ICollectionFixture<NotificationFixture>
{
    public const string Name = "notification";
}
