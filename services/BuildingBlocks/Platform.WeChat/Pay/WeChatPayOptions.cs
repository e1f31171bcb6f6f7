namespace Platform.WeChat.Pay;

public sealed record WeChatPayOptions
{
    public const string DefaultBaseAddress = "https://api.mch.weixin.qq.com/";

    public required string MchId { get; init; }
    public required string AppId { get; init; }
    /// <summary>Serial number of the merchant API certificate whose private key signs our requests.</summary>
    public required string MerchantSerialNo { get; init; }
    /// <summary>PEM (PKCS#8 or PKCS#1) of the merchant API private key.</summary>
    public required string MerchantPrivateKeyPem { get; init; }
    /// <summary>The 32-byte APIv3 key that encrypts notification resources.</summary>
    public required string ApiV3Key { get; init; }
    /// <summary>WeChat Pay platform public keys (SPKI PEM) by the serial sent in Wechatpay-Serial.</summary>
    public required IReadOnlyDictionary<string, string> PlatformPublicKeysPem { get; init; }
    public Uri BaseAddress { get; init; } = new(DefaultBaseAddress);
    /// <summary>WeChat Pay's documented replay window for signed responses and callbacks.</summary>
    public TimeSpan MaxClockSkew { get; init; } = TimeSpan.FromMinutes(5);
}
