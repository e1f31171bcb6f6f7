using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Platform.Security.Otp;

/// <summary>RFC 6238 time-based one-time passwords (RFC 4226 dynamic truncation over a 30-second counter).</summary>
public static class Totp
{
    public const int StepSeconds = 30;

    public static long StepAt(DateTimeOffset time, int stepSeconds = StepSeconds) => time.ToUnixTimeSeconds() / stepSeconds;

    public static string Compute(byte[] key, long step, int digits = 6, string algorithm = "SHA1")
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        byte[] hash = algorithm switch
        {
            "SHA1" => HMACSHA1.HashData(key, counter),
            "SHA256" => HMACSHA256.HashData(key, counter),
            "SHA512" => HMACSHA512.HashData(key, counter),
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
        };
        var offset = hash[^1] & 0x0f;
        var binary = (hash[offset] & 0x7f) << 24 | hash[offset + 1] << 16 | hash[offset + 2] << 8 | hash[offset + 3];
        var modulus = (int)Math.Pow(10, digits);
        return (binary % modulus).ToString().PadLeft(digits, '0');
    }

    /// <summary>The matching step within ±<paramref name="window"/> steps of <paramref name="now"/>, later than
    /// <paramref name="lastUsedStep"/> (a code is accepted once); null when none matches.</summary>
    public static long? Verify(byte[] key, string? code, DateTimeOffset now, long lastUsedStep = -1, int window = 1)
    {
        if (code is null || code.Length != 6 || !code.All(char.IsAsciiDigit)) return null;
        var current = StepAt(now);
        for (var step = current - window; step <= current + window; step++)
        {
            if (step <= lastUsedStep) continue;
            if (CryptographicOperations.FixedTimeEquals(
                    System.Text.Encoding.ASCII.GetBytes(Compute(key, step)), System.Text.Encoding.ASCII.GetBytes(code)))
                return step;
        }
        return null;
    }

    public static string ProvisioningUri(string issuer, string account, string base32Secret) =>
        $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(account)}" +
        $"?secret={base32Secret}&issuer={Uri.EscapeDataString(issuer)}&algorithm=SHA1&digits=6&period={StepSeconds}";
}
