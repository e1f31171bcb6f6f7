using System.Security.Cryptography;
using System.Text;

namespace Platform.Security.Encryption;

/// <summary>AES-256-GCM with a random 96-bit nonce per value. Format: <c>{version}:{base64(nonce|ciphertext|tag)}</c>.
/// The optional context is bound as associated data, so a value copied into another column or row fails to decrypt.</summary>
public sealed class AesGcmFieldEncryptor : IFieldEncryptor
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly Dictionary<string, byte[]> _keys;
    private readonly string _active;

    public AesGcmFieldEncryptor(FieldEncryptionOptions options)
    {
        _keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (version, encoded) in options.Keys)
        {
            if (version.Contains(':')) throw new InvalidOperationException($"加密密钥版本名 {version} 不能包含冒号");
            var key = Convert.FromBase64String(encoded);
            if (key.Length != 32) throw new InvalidOperationException($"加密密钥 {version} 必须是32字节（base64编码）");
            _keys[version] = key;
        }
        if (!_keys.ContainsKey(options.ActiveVersion))
            throw new InvalidOperationException("Security:FieldEncryption:ActiveVersion 未指向已配置的密钥");
        _active = options.ActiveVersion;
    }

    public string Encrypt(string plaintext, string? context = null)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceSize + plain.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_keys[_active], TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceSize, plain.Length), output.AsSpan(NonceSize + plain.Length), Aad(context));
        return $"{_active}:{Convert.ToBase64String(output)}";
    }

    public string Decrypt(string ciphertext, string? context = null)
    {
        var separator = ciphertext.IndexOf(':');
        if (separator <= 0) throw new CryptographicException("Ciphertext has no key version");
        var version = ciphertext[..separator];
        if (!_keys.TryGetValue(version, out var key)) throw new CryptographicException($"Unknown key version {version}");
        var data = Convert.FromBase64String(ciphertext[(separator + 1)..]);
        if (data.Length < NonceSize + TagSize) throw new CryptographicException("Ciphertext too short");
        var plain = new byte[data.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(data.AsSpan(0, NonceSize), data.AsSpan(NonceSize, plain.Length), data.AsSpan(NonceSize + plain.Length),
            plain, Aad(context));
        return Encoding.UTF8.GetString(plain);
    }

    public bool NeedsRotation(string ciphertext) => !ciphertext.StartsWith(_active + ":", StringComparison.Ordinal);

    private static byte[]? Aad(string? context) => context is null ? null : Encoding.UTF8.GetBytes(context);
}
