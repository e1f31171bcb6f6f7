using System.Security.Cryptography;
using System.Text;

namespace Platform.Security.Hashing;

/// <summary>HMAC-SHA256 of a normalised identifier, so encrypted values can still be found by equality.
/// A keyed hash, unlike a plain one, cannot be reversed by hashing every possible phone or ID number.</summary>
public sealed class LookupHasher
{
    private readonly byte[] _key;

    public LookupHasher(string base64Key)
    {
        _key = Convert.FromBase64String(base64Key);
        if (_key.Length < 32) throw new InvalidOperationException("Security:LookupHashKey 至少需要32字节（base64编码）");
    }

    /// <summary><paramref name="purpose"/> separates namespaces: the same digits as a phone and as an ID hash differently.</summary>
    public string Hash(string purpose, string value)
    {
        var normalised = value.Trim().ToUpperInvariant();
        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{purpose}\u001f{normalised}"));
        return Convert.ToHexStringLower(mac);
    }

    /// <summary>As <see cref="Hash"/>, but the value is only trimmed: for identifiers where case matters (WeChat openids
    /// are base64-like, "oAb" and "oab" are different users).</summary>
    public string HashCaseSensitive(string purpose, string value) => Convert.ToHexStringLower(Mac(purpose, value.Trim()));

    /// <summary>A case-sensitive keyed hash cut to a GUID: an opaque id that every holder of the key derives alike from the
    /// same identifier, so services can name a person to each other without passing the identifier itself.</summary>
    public Guid Pseudonym(string purpose, string value) => new(Mac(purpose, value.Trim()).AsSpan(0, 16));

    private byte[] Mac(string purpose, string value) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{purpose}\u001f{value}"));
}
