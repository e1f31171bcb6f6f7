using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Http;
using Platform.WeChat.Pay;

namespace Payment.API.Application;

public static class WeChatPaySetup
{
    public const string HttpClientName = "wechatpay";

    /// <summary>One signing client and one notice reader for the merchant, both from Payment:WeChatPay. Requests are not
    /// retried by the pipeline: a prepay or a refund is retried by our own workers under the same out_trade_no /
    /// out_refund_no, which WeChat Pay treats as the same request.</summary>
    public static void AddWeChatPay(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(PaymentOptions.Section).Get<PaymentOptions>()?.WeChatPay ?? new WeChatPaySettings();
        builder.Services.AddHttpClient(HttpClientName).AddPlatformResilience(o => o.WithTimeouts(settings.Timeout));
        builder.Services.AddSingleton(sp =>
        {
            var s = sp.GetRequiredService<IOptions<PaymentOptions>>().Value.WeChatPay;
            return new WeChatPayOptions
            {
                MchId = s.MchId,
                AppId = s.AppId,
                MerchantSerialNo = s.MerchantSerialNo,
                MerchantPrivateKeyPem = Pem(s.MerchantPrivateKeyPem, s.MerchantPrivateKeyFile, "MerchantPrivateKey"),
                ApiV3Key = s.ApiV3Key,
                PlatformPublicKeysPem = new Dictionary<string, string>
                {
                    [s.PlatformSerial] = Pem(s.PlatformPublicKeyPem, s.PlatformPublicKeyFile, "PlatformPublicKey"),
                },
                BaseAddress = new Uri(s.BaseAddress),
            };
        });
        builder.Services.AddSingleton(sp => new WeChatPayClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            sp.GetRequiredService<WeChatPayOptions>(), sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton(sp => new WeChatPayNotificationReader(sp.GetRequiredService<WeChatPayClient>().Verifier,
            new WeChatPayAesGcm(sp.GetRequiredService<WeChatPayOptions>().ApiV3Key)));
    }

    private static string Pem(string? pem, string? file, string name) =>
        !string.IsNullOrWhiteSpace(pem) ? pem
        : !string.IsNullOrWhiteSpace(file) ? File.ReadAllText(file)
        : throw new InvalidOperationException($"Payment:WeChatPay:{name}Pem or {name}File must be set.");
}
