using System.Security.Cryptography;
using System.Text;

namespace Pharmacy.API.Application;

/// <summary>The courier platform's signature, both ways: HMAC-SHA256 with the app secret over
/// METHOD\nPATH\nTIMESTAMP\nNONCE\nBODY in X-App-Id, X-Timestamp (unix seconds), X-Nonce, X-Signature (lower hex).</summary>
public static class CourierSignature
{
    public static string Sign(string secret, string method, string path, string timestamp, string nonce, string body) =>
        Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret),
            Encoding.UTF8.GetBytes($"{method}\n{path}\n{timestamp}\n{nonce}\n{body}"))).ToLowerInvariant();

    public static bool Verify(string secret, string method, string path, string timestamp, string nonce, string body, string signature)
    {
        var expected = Encoding.ASCII.GetBytes(Sign(secret, method, path, timestamp, nonce, body));
        var given = Encoding.ASCII.GetBytes(signature.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    public static HttpRequestMessage Create(HttpMethod method, string path, string body, string appId, string secret, DateTimeOffset now)
    {
        var timestamp = now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        var request = new HttpRequestMessage(method, path.TrimStart('/'));
        request.Headers.Add("X-App-Id", appId);
        request.Headers.Add("X-Timestamp", timestamp);
        request.Headers.Add("X-Nonce", nonce);
        request.Headers.Add("X-Signature", Sign(secret, method.Method, path, timestamp, nonce, body));
        request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        return request;
    }
}
