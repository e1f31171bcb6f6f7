using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Platform.WeChat.Messaging;

namespace WeChat.Tests.Messaging;

public class TamperTests
{
    private const string Key = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    private const string AppId = "wx5823bf96d3bd56c7";
    private readonly WeChatMessageCrypto _crypto = new(Key, AppId);

    [Fact]
    public void Round_trips_its_own_envelope()
    {
        const string message = "<xml><Content><![CDATA[复诊提醒]]></Content></xml>";
        Assert.Equal(message, _crypto.Decrypt(_crypto.Encrypt(message)));
    }

    // CBC alone cannot notice a flipped byte in the middle of the message: that is msg_signature's job (see
    // CallbackCodecTests). Here: bytes that reach the length field, the AppId or the padding must be caught.
    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(-1)]
    [InlineData(-17)]
    [InlineData(-20)]
    public void Flipped_byte_reaching_length_appid_or_padding_is_rejected(int position)
    {
        var cipher = Convert.FromBase64String(_crypto.Encrypt("<xml><Content>pay 15.00</Content></xml>"));
        cipher[position < 0 ? cipher.Length + position : position] ^= 0x5A;
        Assert.Throws<WeChatCryptoException>(() => _crypto.Decrypt(Convert.ToBase64String(cipher)));
    }

    [Fact]
    public void Envelope_for_another_appid_is_rejected()
    {
        var other = new WeChatMessageCrypto(Key, "wx0000000000000000");
        var ex = Assert.Throws<WeChatCryptoException>(() => _crypto.Decrypt(other.Encrypt("<xml/>")));
        Assert.Equal(WeChatCryptoFailure.AppIdMismatch, ex.Failure);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(33)]
    [InlineData(255)]
    public void Out_of_range_padding_byte_is_rejected(byte pad)
    {
        var plain = Plaintext("<xml/>", AppId);
        plain[^1] = pad;
        var ex = Assert.Throws<WeChatCryptoException>(() => _crypto.Decrypt(EncryptRaw(plain)));
        Assert.Equal(WeChatCryptoFailure.InvalidPadding, ex.Failure);
    }

    [Fact]
    public void Inconsistent_padding_bytes_are_rejected()
    {
        var plain = Plaintext("<xml/>", AppId);
        var pad = plain[^1];
        Assert.True(pad >= 2);
        plain[^2] = (byte)(pad - 1);
        var ex = Assert.Throws<WeChatCryptoException>(() => _crypto.Decrypt(EncryptRaw(plain)));
        Assert.Equal(WeChatCryptoFailure.InvalidPadding, ex.Failure);
    }

    [Fact]
    public void Declared_length_beyond_payload_is_rejected()
    {
        var plain = Plaintext("<xml/>", AppId);
        BinaryPrimitives.WriteInt32BigEndian(plain.AsSpan(16), 10_000);
        var ex = Assert.Throws<WeChatCryptoException>(() => _crypto.Decrypt(EncryptRaw(plain)));
        Assert.Equal(WeChatCryptoFailure.InvalidLength, ex.Failure);
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("AAAA")]
    [InlineData("")]
    public void Malformed_ciphertext_is_rejected(string ciphertext)
    {
        var ex = Assert.Throws<WeChatCryptoException>(() => _crypto.Decrypt(ciphertext));
        Assert.Equal(WeChatCryptoFailure.MalformedCiphertext, ex.Failure);
    }

    [Theory]
    [InlineData("short")]
    [InlineData("jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C=")]
    [InlineData("!!!!m7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C")]
    public void Bad_encoding_aes_key_is_rejected(string key)
    {
        var ex = Assert.Throws<WeChatCryptoException>(() => new WeChatMessageCrypto(key, AppId));
        Assert.Equal(WeChatCryptoFailure.InvalidEncodingAesKey, ex.Failure);
    }

    private static byte[] Plaintext(string message, string appId)
    {
        var body = Encoding.UTF8.GetBytes(message);
        var id = Encoding.UTF8.GetBytes(appId);
        var length = 20 + body.Length + id.Length;
        var pad = 32 - length % 32;
        var plain = new byte[length + pad];
        RandomNumberGenerator.Fill(plain.AsSpan(0, 16));
        BinaryPrimitives.WriteInt32BigEndian(plain.AsSpan(16), body.Length);
        body.CopyTo(plain, 20);
        id.CopyTo(plain, 20 + body.Length);
        plain.AsSpan(length).Fill((byte)pad);
        return plain;
    }

    private static string EncryptRaw(byte[] plain)
    {
        var key = WeChatMessageCrypto.DecodeEncodingAesKey(Key);
        using var aes = Aes.Create();
        aes.Key = key;
        return Convert.ToBase64String(aes.EncryptCbc(plain, key[..16], PaddingMode.None));
    }
}
