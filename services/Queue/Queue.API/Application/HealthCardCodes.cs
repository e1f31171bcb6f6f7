using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Problems;

namespace Queue.API.Application;

/// <summary>电子健康卡 (X15): the code a patient shows at a kiosk. It carries the platform patient id and an expiry only (never
/// the ID number or a name), signed with HMAC-SHA256 under its own key, and lives a couple of minutes, so a screenshot
/// passed around soon stops working.</summary>
public sealed class HealthCardCodes(IOptions<QueueOptions> options, TimeProvider clock)
{
    private const string Prefix = "HC1";
    private sealed record Payload(Guid Pid, long Exp);

    public (string Code, DateTimeOffset ExpiresAt) Issue(Guid patientId)
    {
        var expiresAt = clock.GetUtcNow() + options.Value.HealthCardLifetime;
        var body = WebEncoders.Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(new Payload(patientId, expiresAt.ToUnixTimeSeconds())));
        return ($"{Prefix}.{body}.{Sign(body)}", expiresAt);
    }

    /// <summary>The patient the code was issued for; a forged, damaged or expired code is refused in Chinese.</summary>
    public Guid Verify(string? code)
    {
        var parts = (code ?? "").Trim().Split('.');
        if (parts.Length != 3 || parts[0] != Prefix
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(parts[1])), Encoding.ASCII.GetBytes(parts[2])))
            throw Invalid();
        Payload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<Payload>(WebEncoders.Base64UrlDecode(parts[1]));
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            throw Invalid();
        }
        if (payload is null || payload.Pid == Guid.Empty) throw Invalid();
        if (DateTimeOffset.FromUnixTimeSeconds(payload.Exp) < clock.GetUtcNow())
            throw new ProblemException(400, "health_card_expired", "电子健康卡二维码已过期，请让患者刷新后重新出示");
        return payload.Pid;
    }

    private static ProblemException Invalid() => new(400, "health_card_invalid", "电子健康卡二维码无效，请让患者打开本人的电子健康卡");

    private string Sign(string body)
    {
        var key = options.Value.HealthCardKey;
        if (string.IsNullOrEmpty(key)) throw new InvalidOperationException("Queue:HealthCardKey is not configured");
        return WebEncoders.Base64UrlEncode(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(body)));
    }
}
