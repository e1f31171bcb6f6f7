using Platform.WeChat.Messaging;
using Platform.WeChat.Messaging.Xml;
using Platform.WeChat.Security;

namespace WeChat.Tests.Messaging;

public class CallbackCodecTests
{
    private const string Token = "hospitalToken";
    private const string AppId = "wx5823bf96d3bd56c7";
    private const string Key = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    private const string Inner = "<xml><ToUserName><![CDATA[gh_h]]></ToUserName><FromUserName><![CDATA[oP]]></FromUserName>" +
        "<CreateTime>1714000000</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[报告]]></Content><MsgId>42</MsgId></xml>";

    private static WeChatCallbackCodec Codec(MessageEncryptionMode mode) =>
        new(new WeChatCallbackOptions { Token = Token, AppId = AppId, EncodingAesKey = Key, Mode = mode });

    /// <summary>Builds the request the way WeChat's servers do, with a separate crypto instance.</summary>
    private static (CallbackQuery Query, string Body) EncryptedRequest(string inner, string appId = AppId)
    {
        const string timestamp = "1714000000", nonce = "987654";
        var encrypt = new WeChatMessageCrypto(Key, appId).Encrypt(inner);
        var body = $"<xml><ToUserName><![CDATA[gh_h]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>";
        var query = new CallbackQuery(WeChatSignature.Compute(Token, timestamp, nonce), timestamp, nonce, "oP", "aes",
            WeChatSignature.ComputeMessageSignature(Token, timestamp, nonce, encrypt));
        return (query, body);
    }

    [Fact]
    public void Server_url_verification_echoes_only_when_signed()
    {
        var codec = Codec(MessageEncryptionMode.Safe);
        var signature = WeChatSignature.Compute(Token, "1", "2");
        Assert.Equal("echo123", codec.VerifyServerUrl(signature, "1", "2", "echo123"));
        var ex = Assert.Throws<WeChatCryptoException>(() => codec.VerifyServerUrl(signature, "1", "3", "echo123"));
        Assert.Equal(WeChatCryptoFailure.InvalidSignature, ex.Failure);
    }

    [Fact]
    public void Opens_encrypted_callback_and_seals_reply_that_wechat_can_verify()
    {
        var codec = Codec(MessageEncryptionMode.Safe);
        var (query, body) = EncryptedRequest(Inner);

        var opened = codec.Open(query, body);
        var text = Assert.IsType<TextMessage>(opened.Message);
        Assert.Equal("报告", text.Content);
        Assert.True(opened.WasEncrypted);

        var reply = ReplyXml.Text(text.FromUserName, text.ToUserName, 1714000005, "已收到]]>");
        var sealedXml = codec.SealReply(reply, opened, 1714000005, "n1");
        var envelope = SafeXml.ParseRoot(sealedXml);
        var encrypt = envelope.RequiredChild("Encrypt");
        Assert.True(WeChatSignature.VerifyMessageSignature(Token, "1714000005", "n1", encrypt, envelope.Child("MsgSignature")));
        Assert.Equal(reply, new WeChatMessageCrypto(Key, AppId).Decrypt(encrypt));
        Assert.Equal(ReplyXml.NoReply, codec.SealReply(ReplyXml.NoReply, opened));
    }

    [Fact]
    public void Tampered_ciphertext_fails_msg_signature()
    {
        var (query, body) = EncryptedRequest(Inner);
        var encrypt = SafeXml.ParseRoot(body).RequiredChild("Encrypt");
        var tampered = body.Replace(encrypt, Pay.PayVectorTests.FlipLastByte(encrypt));
        var ex = Assert.Throws<WeChatCryptoException>(() => Codec(MessageEncryptionMode.Safe).Open(query, tampered));
        Assert.Equal(WeChatCryptoFailure.InvalidSignature, ex.Failure);
    }

    [Fact]
    public void Wrong_signature_or_msg_signature_is_rejected()
    {
        var codec = Codec(MessageEncryptionMode.Safe);
        var (query, body) = EncryptedRequest(Inner);
        Assert.Equal(WeChatCryptoFailure.InvalidSignature,
            Assert.Throws<WeChatCryptoException>(() => codec.Open(query with { Signature = new string('0', 40) }, body)).Failure);
        Assert.Equal(WeChatCryptoFailure.InvalidSignature,
            Assert.Throws<WeChatCryptoException>(() => codec.Open(query with { MsgSignature = null }, body)).Failure);
        Assert.Equal(WeChatCryptoFailure.InvalidSignature,
            Assert.Throws<WeChatCryptoException>(() => codec.Open(query with { Nonce = "1" }, body)).Failure);
    }

    [Fact]
    public void Envelope_for_another_account_is_rejected()
    {
        var (query, body) = EncryptedRequest(Inner, appId: "wxffffffffffffffff");
        var ex = Assert.Throws<WeChatCryptoException>(() => Codec(MessageEncryptionMode.Safe).Open(query, body));
        Assert.Equal(WeChatCryptoFailure.AppIdMismatch, ex.Failure);
    }

    [Fact]
    public void Xxe_inside_the_encrypted_payload_is_rejected()
    {
        var (query, body) = EncryptedRequest("<!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + Inner.Replace("报告", "&x;"));
        Assert.Throws<WeChatXmlException>(() => Codec(MessageEncryptionMode.Safe).Open(query, body));
    }

    [Fact]
    public void Plaintext_callbacks_are_refused_in_safe_mode_and_accepted_in_compatible_and_plaintext_modes()
    {
        var query = new CallbackQuery(WeChatSignature.Compute(Token, "5", "6"), "5", "6");
        Assert.Throws<WeChatCryptoException>(() => Codec(MessageEncryptionMode.Safe).Open(query, Inner));

        var opened = Codec(MessageEncryptionMode.Compatible).Open(query, Inner);
        Assert.False(opened.WasEncrypted);
        Assert.Equal("x", Codec(MessageEncryptionMode.Compatible).SealReply("x", opened));

        var plain = new WeChatCallbackCodec(new WeChatCallbackOptions { Token = Token, AppId = AppId, Mode = MessageEncryptionMode.Plaintext });
        Assert.IsType<TextMessage>(plain.Open(query, Inner).Message);
        var (encQuery, encBody) = EncryptedRequest(Inner);
        Assert.Throws<WeChatCryptoException>(() => plain.Open(encQuery, encBody));
    }

    [Fact]
    public void Compatible_mode_decrypts_when_encrypt_type_is_aes()
    {
        var (query, body) = EncryptedRequest(Inner);
        var opened = Codec(MessageEncryptionMode.Compatible).Open(query, body);
        Assert.True(opened.WasEncrypted);
        Assert.Equal("msg:42", opened.Message.DedupKey);
    }
}
