namespace Payment.API.Application;

public sealed class PaymentOptions
{
    public const string Section = "Payment";

    /// <summary>Where WeChat Pay posts payment and refund notices: our edge's public address.</summary>
    public string NotifyUrl { get; set; } = "http://127.0.0.1:8080/api/payment/notify/wechatpay";
    /// <summary>How long after a prepay without a notice the order is first asked about (WeChat Pay's advice: actively query).</summary>
    public TimeSpan QueryAfter { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>How often, after that, an order still unpaid is asked about until it expires.</summary>
    public TimeSpan QueryEvery { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>How long after WeChat Pay accepted a refund its status is first asked about, without a notice.</summary>
    public TimeSpan RefundCheckAfter { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan WorkerInterval { get; set; } = TimeSpan.FromSeconds(2);
    /// <summary>Hospital time at which yesterday's trade bill is fetched and compared (WeChat Pay has it from 10:00).</summary>
    public TimeOnly ReconcileAt { get; set; } = new(10, 0);
    public WeChatPaySettings WeChatPay { get; set; } = new();
    public EInvoiceSettings EInvoice { get; set; } = new();
    public InsuranceSettings Insurance { get; set; } = new();
}

/// <summary>Section Payment:WeChatPay. Keys come as PEM text or as the path of a PEM file.</summary>
public sealed class WeChatPaySettings
{
    public string BaseAddress { get; set; } = "https://api.mch.weixin.qq.com/";
    public string MchId { get; set; } = "";
    public string AppId { get; set; } = "";
    /// <summary>The mini-program's appid, bound to the same merchant; empty when the hospital has no mini-program.</summary>
    public string MiniProgramAppId { get; set; } = "";
    public string MerchantSerialNo { get; set; } = "";
    public string? MerchantPrivateKeyPem { get; set; }
    public string? MerchantPrivateKeyFile { get; set; }
    public string ApiV3Key { get; set; } = "";
    public string PlatformSerial { get; set; } = "";
    public string? PlatformPublicKeyPem { get; set; }
    public string? PlatformPublicKeyFile { get; set; }
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
