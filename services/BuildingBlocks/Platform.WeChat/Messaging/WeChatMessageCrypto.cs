using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Platform.WeChat.Messaging;

/// <summary>
/// The AES-256-CBC envelope used by compatible and safe modes:
/// base64(AES(random16 + bigEndianLength4 + message + appId, PKCS#7 to 32-byte blocks)), IV = first 16 key bytes.
/// </summary>
public sealed class WeChatMessageCrypto
{
    private const int RandomPrefixLength = 16;
    private const int LengthFieldLength = 4;
    private const int PaddingBlockSize = 32;

    private readonly byte[] _key;
    private readonly byte[] _iv;
    private readonly byte[] _appId;

    public WeChatMessageCrypto(string encodingAesKey, string appId)
    {
        _key = DecodeEncodingAesKey(encodingAesKey);
        _iv = _key[..16];
        AppId = appId;
        _appId = Encoding.UTF8.GetBytes(appId);
    }

    public string AppId { get; }

    public static byte[] DecodeEncodingAesKey(string encodingAesKey)
    {
        if (encodingAesKey is not { Length: 43 })
            throw new WeChatCryptoException(WeChatCryptoFailure.InvalidEncodingAesKey, "EncodingAESKey must be 43 characters.");
        try
        {
            return Convert.FromBase64String(encodingAesKey + "=");
        }
        catch (FormatException)
        {
            throw new WeChatCryptoException(WeChatCryptoFailure.InvalidEncodingAesKey, "EncodingAESKey is not base64.");
        }
    }

    public string Encrypt(string message) => Encrypt(message, RandomNumberGenerator.GetBytes(RandomPrefixLength));

    public string Encrypt(string message, ReadOnlySpan<byte> randomPrefix)
    {
        if (randomPrefix.Length != RandomPrefixLength)
            throw new ArgumentException("The random prefix must be 16 bytes.", nameof(randomPrefix));

        var body = Encoding.UTF8.GetBytes(message);
        var plainLength = RandomPrefixLength + LengthFieldLength + body.Length + _appId.Length;
        var padding = PaddingBlockSize - plainLength % PaddingBlockSize;
        var plain = new byte[plainLength + padding];

        randomPrefix.CopyTo(plain);
        BinaryPrimitives.WriteInt32BigEndian(plain.AsSpan(RandomPrefixLength), body.Length);
        body.CopyTo(plain, RandomPrefixLength + LengthFieldLength);
        _appId.CopyTo(plain, RandomPrefixLength + LengthFieldLength + body.Length);
        plain.AsSpan(plainLength).Fill((byte)padding);

        using var aes = CreateAes();
        return Convert.ToBase64String(aes.EncryptCbc(plain, _iv, PaddingMode.None));
    }

    public string Decrypt(string ciphertextBase64)
    {
        var plain = DecryptBlocks(ciphertextBase64);
        var content = RemovePadding(plain);

        if (content.Length < RandomPrefixLength + LengthFieldLength)
            throw new WeChatCryptoException(WeChatCryptoFailure.InvalidLength, "Decrypted payload is too short.");

        var messageLength = BinaryPrimitives.ReadUInt32BigEndian(content.Slice(RandomPrefixLength, LengthFieldLength));
        var messageStart = RandomPrefixLength + LengthFieldLength;
        if (messageLength > (uint)(content.Length - messageStart))
            throw new WeChatCryptoException(WeChatCryptoFailure.InvalidLength, "Declared message length exceeds the payload.");

        var message = content.Slice(messageStart, (int)messageLength);
        var appId = content[(messageStart + (int)messageLength)..];
        if (!CryptographicOperations.FixedTimeEquals(appId, _appId))
            throw new WeChatCryptoException(WeChatCryptoFailure.AppIdMismatch, "The message was encrypted for another AppId.");

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(message);
        }
        catch (DecoderFallbackException)
        {
            throw new WeChatCryptoException(WeChatCryptoFailure.MalformedCiphertext, "The message is not valid UTF-8.");
        }
    }

    private byte[] DecryptBlocks(string ciphertextBase64)
    {
        byte[] cipher;
        try
        {
            cipher = Convert.FromBase64String(ciphertextBase64);
        }
        catch (FormatException)
        {
            throw new WeChatCryptoException(WeChatCryptoFailure.MalformedCiphertext, "Ciphertext is not base64.");
        }
        if (cipher.Length == 0 || cipher.Length % 16 != 0)
            throw new WeChatCryptoException(WeChatCryptoFailure.MalformedCiphertext, "Ciphertext is not a whole number of AES blocks.");

        using var aes = CreateAes();
        return aes.DecryptCbc(cipher, _iv, PaddingMode.None);
    }

    private static ReadOnlySpan<byte> RemovePadding(byte[] plain)
    {
        var pad = plain[^1];
        if (pad is < 1 or > PaddingBlockSize || pad > plain.Length)
            throw new WeChatCryptoException(WeChatCryptoFailure.InvalidPadding, "Invalid PKCS#7 padding.");
        var mismatch = 0;
        foreach (var b in plain.AsSpan(plain.Length - pad))
            mismatch |= b ^ pad;
        if (mismatch != 0)
            throw new WeChatCryptoException(WeChatCryptoFailure.InvalidPadding, "Invalid PKCS#7 padding.");
        return plain.AsSpan(0, plain.Length - pad);
    }

    private Aes CreateAes()
    {
        var aes = Aes.Create();
        aes.Key = _key;
        return aes;
    }
}
