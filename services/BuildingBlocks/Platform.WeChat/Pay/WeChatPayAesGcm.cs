using System.Security.Cryptography;
using System.Text;

namespace Platform.WeChat.Pay;

/// <summary>AEAD_AES_256_GCM with the APIv3 key, as used for notification resources: base64(ciphertext + 16-byte tag).</summary>
public sealed class WeChatPayAesGcm
{
    private const int TagSize = 16;
    private readonly byte[] _key;

    public WeChatPayAesGcm(string apiV3Key)
    {
        _key = Encoding.UTF8.GetBytes(apiV3Key);
        if (_key.Length != 32) throw new ArgumentException("The APIv3 key must be 32 bytes.", nameof(apiV3Key));
    }

    public string Decrypt(string associatedData, string nonce, string ciphertextBase64)
    {
        byte[] data;
        try
        {
            data = Convert.FromBase64String(ciphertextBase64);
        }
        catch (FormatException ex)
        {
            throw new WeChatPayDecryptionException("Resource ciphertext is not base64.", ex);
        }
        if (data.Length < TagSize) throw new WeChatPayDecryptionException("Resource ciphertext is shorter than its tag.");

        var plain = new byte[data.Length - TagSize];
        try
        {
            using var gcm = new AesGcm(_key, TagSize);
            gcm.Decrypt(Encoding.UTF8.GetBytes(nonce), data.AsSpan(0, plain.Length), data.AsSpan(plain.Length),
                plain, Encoding.UTF8.GetBytes(associatedData));
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            throw new WeChatPayDecryptionException("Resource failed authentication.", ex);
        }
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>The same envelope in the other direction, for the WeChat Pay simulator.</summary>
    public string Encrypt(string associatedData, string nonce, string plaintext)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[plain.Length + TagSize];
        using var gcm = new AesGcm(_key, TagSize);
        gcm.Encrypt(Encoding.UTF8.GetBytes(nonce), plain, output.AsSpan(0, plain.Length), output.AsSpan(plain.Length),
            Encoding.UTF8.GetBytes(associatedData));
        return Convert.ToBase64String(output);
    }
}
