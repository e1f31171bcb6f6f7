using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Payment.API.Application;

/// <summary>The request signature the government-side platforms share (财政电子票据, 医保移动支付): HMAC-SHA256 keyed with
/// the app secret over METHOD\nPATH\nTIMESTAMP\nNONCE\nBODY (PATH as sent, with its query), in X-App-Id, X-Timestamp,
/// X-Nonce and X-Signature; errors come back as {code, message}.</summary>
public static class HmacSignedRequest
{
    public static HttpRequestMessage Create(HttpMethod method, string baseAddress, string path, string body, string appId, string secret,
        DateTimeOffset now)
    {
        var timestamp = now.ToUnixTimeSeconds().ToString();
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        var signature = Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret),
            Encoding.UTF8.GetBytes($"{method.Method}\n{path}\n{timestamp}\n{nonce}\n{body}"))).ToLowerInvariant();
        var request = new HttpRequestMessage(method, new Uri(new Uri(baseAddress), path));
        request.Headers.Add("X-App-Id", appId);
        request.Headers.Add("X-Timestamp", timestamp);
        request.Headers.Add("X-Nonce", nonce);
        request.Headers.Add("X-Signature", signature);
        if (method != HttpMethod.Get) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        return request;
    }

    public static (string? Code, string? Message) ErrorOf(string text)
    {
        try
        {
            var root = JsonDocument.Parse(text).RootElement;
            return (root.TryGetProperty("code", out var c) ? c.GetString() : null, root.TryGetProperty("message", out var m) ? m.GetString() : null);
        }
        catch (JsonException) { return (null, null); }
    }
}
