using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Platform.WeChat.Pay.Models;

namespace Platform.WeChat.Pay;

/// <summary>Signs with the merchant private key: the APIv3 Authorization header and the JSAPI paySign.</summary>
public sealed class WeChatPaySigner : IDisposable
{
    public const string AuthorizationScheme = "WECHATPAY2-SHA256-RSA2048";

    private readonly RSA _privateKey;
    private readonly string _mchId;
    private readonly string _serialNo;

    public WeChatPaySigner(string mchId, string merchantSerialNo, string merchantPrivateKeyPem)
    {
        _mchId = mchId;
        _serialNo = merchantSerialNo;
        _privateKey = RSA.Create();
        _privateKey.ImportFromPem(merchantPrivateKeyPem);
    }

    /// <summary>Lines joined and terminated by "\n", the message format shared by every APIv3 signature.</summary>
    public static string Message(params string[] lines)
    {
        var sb = new StringBuilder();
        foreach (var line in lines) sb.Append(line).Append('\n');
        return sb.ToString();
    }

    public string Sign(string message) =>
        Convert.ToBase64String(_privateKey.SignData(Encoding.UTF8.GetBytes(message), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    /// <param name="canonicalUrl">Path plus query, exactly as sent, e.g. "/v3/pay/transactions/jsapi".</param>
    public string CreateAuthorization(string method, string canonicalUrl, string body, long timestamp, string nonce)
    {
        var ts = timestamp.ToString(CultureInfo.InvariantCulture);
        var signature = Sign(Message(method.ToUpperInvariant(), canonicalUrl, ts, nonce, body));
        return $"{AuthorizationScheme} mchid=\"{_mchId}\",serial_no=\"{_serialNo}\",timestamp=\"{ts}\",nonce_str=\"{nonce}\",signature=\"{signature}\"";
    }

    /// <summary>The parameters for WeixinJSBridge.invoke('getBrandWCPayRequest', …) on the H5 page.</summary>
    public JsapiPayParameters CreateJsapiPayParameters(string appId, string prepayId, long timestamp, string nonce)
    {
        var ts = timestamp.ToString(CultureInfo.InvariantCulture);
        var package = "prepay_id=" + prepayId;
        return new JsapiPayParameters(appId, ts, nonce, package, "RSA", Sign(Message(appId, ts, nonce, package)));
    }

    /// <summary>32 characters from [0-9A-Za-z], the shape WeChat Pay's examples use.</summary>
    public static string NewNonce() =>
        RandomNumberGenerator.GetString("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", 32);

    public void Dispose() => _privateKey.Dispose();
}
