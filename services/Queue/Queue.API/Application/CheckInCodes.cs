using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Problems;

namespace Queue.API.Application;

/// <summary>The clinic's check-in QR: the room and an expiry, signed with HMAC-SHA256 so a patient cannot make one up
/// and a photo of yesterday's screen no longer works.</summary>
public sealed class CheckInCodes(IOptions<QueueOptions> options, TimeProvider clock)
{
    private sealed record Payload(string Loc, long Exp);

    public (string Code, DateTimeOffset ExpiresAt) Issue(string location)
    {
        var expiresAt = clock.GetUtcNow() + options.Value.CheckInCodeLifetime;
        var body = WebEncoders.Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(new Payload(location, expiresAt.ToUnixTimeSeconds())));
        return ($"{body}.{Sign(body)}", expiresAt);
    }

    /// <summary>The room the code was issued for; a forged, damaged or expired code is refused in Chinese.</summary>
    public string Verify(string? code)
    {
        var parts = (code ?? "").Trim().Split('.');
        if (parts.Length != 2 || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(parts[0])), Encoding.ASCII.GetBytes(parts[1])))
            throw new ProblemException(400, "checkin_code_invalid", "报到码无效，请扫描诊室门口的报到二维码");
        Payload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<Payload>(WebEncoders.Base64UrlDecode(parts[0]));
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            throw new ProblemException(400, "checkin_code_invalid", "报到码无效，请扫描诊室门口的报到二维码");
        }
        if (payload is null || string.IsNullOrWhiteSpace(payload.Loc))
            throw new ProblemException(400, "checkin_code_invalid", "报到码无效，请扫描诊室门口的报到二维码");
        if (DateTimeOffset.FromUnixTimeSeconds(payload.Exp) < clock.GetUtcNow())
            throw new ProblemException(400, "checkin_code_expired", "报到码已过期，请重新扫描诊室门口的报到二维码");
        return payload.Loc;
    }

    private string Sign(string body)
    {
        var key = options.Value.CheckInCodeKey;
        if (string.IsNullOrEmpty(key)) throw new InvalidOperationException("Queue:CheckInCodeKey is not configured");
        return WebEncoders.Base64UrlEncode(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(body)));
    }
}
