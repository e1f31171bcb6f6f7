using System.Globalization;
using System.Security.Cryptography;
using Platform.WeChat.Security;

namespace Platform.WeChat.JsSdk;

/// <summary>What the H5 page passes to wx.config.</summary>
public sealed record JsSdkConfig(string AppId, long Timestamp, string NonceStr, string Signature);

/// <summary>JS-SDK config signature: SHA1("jsapi_ticket=…&amp;noncestr=…&amp;timestamp=…&amp;url=…").</summary>
public static class JsSdkSigner
{
    public static string Sign(string jsapiTicket, string nonceStr, long timestamp, string url)
    {
        var stringToSign = string.Create(CultureInfo.InvariantCulture,
            $"jsapi_ticket={jsapiTicket}&noncestr={nonceStr}&timestamp={timestamp}&url={StripFragment(url)}");
        return WeChatSignature.Sha1Hex(stringToSign);
    }

    public static JsSdkConfig CreateConfig(string appId, string jsapiTicket, string url, DateTimeOffset now, string? nonceStr = null)
    {
        var nonce = nonceStr ?? RandomNonce();
        var timestamp = now.ToUnixTimeSeconds();
        return new JsSdkConfig(appId, timestamp, nonce, Sign(jsapiTicket, nonce, timestamp, url));
    }

    /// <summary>The page signs location.href.split('#')[0]; WeChat never sees the fragment.</summary>
    public static string StripFragment(string url)
    {
        var hash = url.IndexOf('#');
        return hash < 0 ? url : url[..hash];
    }

    private static string RandomNonce() => RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 16);
}
