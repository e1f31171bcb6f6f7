using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WeChat.Tests.Pay;

/// <summary>
/// A local api.mch.weixin.qq.com: checks the merchant's Authorization signature with plain RSA and signs every
/// answer with the platform key, the way WeChat Pay does.
/// </summary>
public sealed class FakeWeChatPayServer : IAsyncLifetime
{
    public const string PlatformSerial = "PUB_KEY_ID_0000001";
    public RSA MerchantKey { get; } = RSA.Create(2048);
    public RSA PlatformKey { get; } = RSA.Create(2048);
    /// <summary>When set, answers are signed with this key instead, as an impostor would.</summary>
    public RSA? ImpostorKey { get; set; }
    public List<(string Method, string PathAndQuery, string Body)> Requests { get; } = [];
    public Uri BaseAddress { get; private set; } = null!;
    private WebApplication? _app;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Use(async (context, next) =>
        {
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            var pathAndQuery = context.Request.Path + context.Request.QueryString;
            Requests.Add((context.Request.Method, pathAndQuery, body));
            if (!MerchantSignatureValid(context.Request.Method, pathAndQuery, body, context.Request.Headers.Authorization.ToString()))
            {
                await Answer(context, 401, new JsonObject { ["code"] = "SIGN_ERROR", ["message"] = "签名错误" }.ToJsonString());
                return;
            }
            context.Items["body"] = body;
            await next();
        });

        _app.MapPost("/v3/pay/transactions/jsapi", (HttpContext c) =>
        {
            var order = JsonNode.Parse((string)c.Items["body"]!)!;
            return order["out_trade_no"]!.GetValue<string>() == "PAID"
                ? Answer(c, 403, """{"code":"ORDERPAID","message":"该订单已支付"}""")
                : Answer(c, 200, """{"prepay_id":"wx2024050110000012345"}""");
        });
        _app.MapGet("/v3/pay/transactions/out-trade-no/{no}", (HttpContext c, string no) => Answer(c, 200, new JsonObject
        {
            ["appid"] = "wxapp", ["mchid"] = c.Request.Query["mchid"].ToString(), ["out_trade_no"] = no,
            ["transaction_id"] = "4200000001", ["trade_type"] = "JSAPI", ["trade_state"] = "SUCCESS",
            ["success_time"] = "2024-05-01T10:00:00+08:00", ["amount"] = new JsonObject { ["total"] = 1500, ["payer_total"] = 1500, ["currency"] = "CNY" },
        }.ToJsonString()));
        _app.MapPost("/v3/pay/transactions/out-trade-no/{no}/close", (HttpContext c) => Answer(c, 204, ""));
        _app.MapPost("/v3/refund/domestic/refunds", (HttpContext c) =>
        {
            var request = JsonNode.Parse((string)c.Items["body"]!)!;
            return Answer(c, 200, new JsonObject
            {
                ["refund_id"] = "50000000382019052709732678859", ["out_refund_no"] = request["out_refund_no"]!.GetValue<string>(),
                ["out_trade_no"] = request["out_trade_no"]!.GetValue<string>(), ["status"] = "PROCESSING",
                ["create_time"] = "2024-05-01T11:00:00+08:00",
                ["amount"] = new JsonObject { ["total"] = 1500, ["refund"] = request["amount"]!["refund"]!.GetValue<int>() },
            }.ToJsonString());
        });

        await _app.StartAsync();
        BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/");
    }

    private bool MerchantSignatureValid(string method, string pathAndQuery, string body, string authorization)
    {
        if (!authorization.StartsWith("WECHATPAY2-SHA256-RSA2048 ", StringComparison.Ordinal)) return false;
        var fields = Regex.Matches(authorization, "(\\w+)=\"([^\"]*)\"").ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        if (!fields.TryGetValue("signature", out var signature) || fields.GetValueOrDefault("mchid") != "1900000109") return false;
        var message = $"{method}\n{pathAndQuery}\n{fields["timestamp"]}\n{fields["nonce_str"]}\n{body}\n";
        return MerchantKey.VerifyData(Encoding.UTF8.GetBytes(message), Convert.FromBase64String(signature),
            HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    private Task Answer(HttpContext c, int status, string body)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString();
        var nonce = Guid.NewGuid().ToString("N");
        var signature = (ImpostorKey ?? PlatformKey).SignData(Encoding.UTF8.GetBytes($"{timestamp}\n{nonce}\n{body}\n"),
            HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        c.Response.StatusCode = status;
        c.Response.Headers["Wechatpay-Timestamp"] = timestamp;
        c.Response.Headers["Wechatpay-Nonce"] = nonce;
        c.Response.Headers["Wechatpay-Serial"] = PlatformSerial;
        c.Response.Headers["Wechatpay-Signature"] = Convert.ToBase64String(signature);
        if (body.Length == 0) return Task.CompletedTask;
        c.Response.ContentType = "application/json";
        return c.Response.WriteAsync(body);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        MerchantKey.Dispose();
        PlatformKey.Dispose();
    }
}
