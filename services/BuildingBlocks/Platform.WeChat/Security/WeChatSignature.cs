using System.Security.Cryptography;
using System.Text;

namespace Platform.WeChat.Security;

/// <summary>SHA1 signatures WeChat puts on server callbacks: sorted parts, concatenated, lowercase hex.</summary>
public static class WeChatSignature
{
    public static string Compute(string token, string timestamp, string nonce) =>
        Sha1OfSorted(token, timestamp, nonce);

    public static string ComputeMessageSignature(string token, string timestamp, string nonce, string encrypt) =>
        Sha1OfSorted(token, timestamp, nonce, encrypt);

    public static bool Verify(string token, string timestamp, string nonce, string? signature) =>
        FixedTimeEqualsHex(Compute(token, timestamp, nonce), signature);

    public static bool VerifyMessageSignature(string token, string timestamp, string nonce, string encrypt, string? msgSignature) =>
        FixedTimeEqualsHex(ComputeMessageSignature(token, timestamp, nonce, encrypt), msgSignature);

    public static string Sha1Hex(string text) =>
        Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Compares without an early exit so response timing says nothing about how much of a guess was right.</summary>
    public static bool FixedTimeEqualsHex(string expectedHex, string? actualHex)
    {
        if (actualHex is null) return false;
        var expected = Encoding.ASCII.GetBytes(expectedHex);
        var actual = Encoding.ASCII.GetBytes(actualHex.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    private static string Sha1OfSorted(params string[] parts)
    {
        // WeChat sorts by byte order (PHP sort / JS sort on ASCII), not by culture.
        Array.Sort(parts, StringComparer.Ordinal);
        return Sha1Hex(string.Concat(parts));
    }
}
