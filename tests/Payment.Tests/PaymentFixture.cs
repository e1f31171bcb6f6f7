using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts.Payment;
using Platform.ServiceDefaults.Auth;
using Platform.Testing;
using Payment.API.Infrastructure;

namespace Payment.Tests;

/// <summary>The Payment service on a fresh database and virtual host, talking to the WeChat Pay simulator (its own
/// process, real signatures and encryption) which posts its notices back to the service's notify endpoint.</summary>
public sealed class PaymentFixture : IAsyncLifetime
{
    /// <summary>The simulator's default mini-program appid (WECHATPAY_MINIPROGRAM_APPID), bound to the test merchant.</summary>
    public const string MiniProgramAppId = "wx7a1b2c3d4e5f6a7b";

    public TestDatabase Database { get; private set; } = null!;
    public TestVirtualHost VirtualHost { get; private set; } = null!;
    public EventCapture Published { get; private set; } = null!;
    public IdentityStub Identity { get; } = new();
    public SimulatorProcess WeChatPay { get; private set; } = null!;
    public SimulatorProcess EInvoice { get; private set; } = null!;
    public ServiceFactory<PaymentDbContext> Service { get; private set; } = null!;
    /// <summary>The service's own address, which the simulator posts notices to.</summary>
    public string ServiceUrl { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync("payment");
        VirtualHost = await TestVirtualHost.CreateAsync("payment");
        Published = await EventCapture.StartAsync(VirtualHost.AmqpUri, typeof(PaymentSucceededIntegrationEvent),
            typeof(PaymentRefundedIntegrationEvent), typeof(PaymentStatusChangedIntegrationEvent));
        WeChatPay = await SimulatorProcess.StartAsync("WeChatPay", new Dictionary<string, string>
        {
            ["WECHATPAY_RETRY_SCHEDULE"] = "0.2,0.4,0.8",
            ["WECHATPAY_REFUND_DELAY_MS"] = "200",
        });
        EInvoice = await SimulatorProcess.StartAsync("EInvoice", new Dictionary<string, string>());
        var port = LoopbackPorts.Free();
        ServiceUrl = $"http://127.0.0.1:{port}";
        var keys = Path.Combine(TestEnvironment.Root, "deploy", "local", "wechatpay");
        var settings = new Dictionary<string, string>
        {
            ["Payment:NotifyUrl"] = ServiceUrl + "/api/payment/notify/wechatpay",
            // No HIS adapter runs here: reads of the HIS's bills find it unreachable.
            ["Endpoints:his"] = $"http://127.0.0.1:{LoopbackPorts.Free()}",
            ["Payment:QueryAfter"] = "00:00:01",
            ["Payment:QueryEvery"] = "00:00:01",
            ["Payment:RefundCheckAfter"] = "00:00:01",
            ["Payment:WorkerInterval"] = "00:00:00.200",
            ["Payment:WeChatPay:BaseAddress"] = WeChatPay.BaseUrl + "/",
            ["Payment:EInvoice:BaseAddress"] = EInvoice.BaseUrl + "/",
            ["Payment:EInvoice:AppSecret"] = "einvoice-local-secret",
            ["Payment:WeChatPay:MerchantPrivateKeyFile"] = Path.Combine(keys, "merchant_private.pem"),
            ["Payment:WeChatPay:PlatformPublicKeyFile"] = Path.Combine(keys, "platform_public.pem"),
            ["Payment:WeChatPay:MiniProgramAppId"] = MiniProgramAppId,
        };
        foreach (var (k, v) in Identity.Settings) settings[k] = v;
        Service = ServiceFactory<PaymentDbContext>.Create("paymentdb", Database, VirtualHost.AmqpUri, settings);
        Service.UseKestrel(port);
        Service.StartServer();
    }

    public HttpClient PatientClient(Guid accountId)
    {
        var client = Service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(PlatformRoles.Patient, accountId.ToString()));
        return client;
    }

    public HttpClient StaffClient()
    {
        var client = Service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(PlatformRoles.Staff, name: "财务张三"));
        return client;
    }

    public Task PublishAsync<T>(T message) where T : class => TestBus.PublishAsync<T>(VirtualHost.AmqpUri, _ => { }, message);

    public Task SimAsync(string path, object? body = null) => WeChatPay.Http.PostAsJsonAsync("$sim/" + path, body ?? new { });

    public async Task<JsonElement> SimGetAsync(string pathAndQuery) =>
        await WeChatPay.Http.GetFromJsonAsync<JsonElement>("$sim/" + pathAndQuery);

    public async Task DisposeAsync()
    {
        await Service.DisposeAsync();
        await WeChatPay.DisposeAsync();
        await EInvoice.DisposeAsync();
        await Identity.DisposeAsync();
        await Published.DisposeAsync();
        await VirtualHost.DisposeAsync();
        await Database.DisposeAsync();
    }
}
