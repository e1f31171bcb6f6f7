using System.Security.Cryptography;
using Platform.WeChat.Messaging.Xml;
using Platform.WeChat.Security;

namespace Platform.WeChat.Messaging;

/// <summary>Verifies, decrypts and parses callback requests, and seals replies, for one official account.</summary>
public sealed class WeChatCallbackCodec
{
    private readonly WeChatCallbackOptions _options;
    private readonly WeChatMessageCrypto? _crypto;

    public WeChatCallbackCodec(WeChatCallbackOptions options)
    {
        _options = options;
        if (options.Mode != MessageEncryptionMode.Plaintext)
        {
            if (options.EncodingAesKey is null)
                throw new ArgumentException("EncodingAesKey is required for compatible and safe modes.", nameof(options));
            _crypto = new WeChatMessageCrypto(options.EncodingAesKey, options.AppId);
        }
    }

    /// <summary>Answers the GET WeChat sends when the server URL is configured: echo echostr only when signed by our token.</summary>
    public string VerifyServerUrl(string? signature, string timestamp, string nonce, string echostr)
    {
        if (!WeChatSignature.Verify(_options.Token, timestamp, nonce, signature))
            throw new WeChatCryptoException(WeChatCryptoFailure.InvalidSignature, "Server URL verification signature mismatch.");
        return echostr;
    }

    public OpenedCallback Open(CallbackQuery query, string body)
    {
        if (!WeChatSignature.Verify(_options.Token, query.Timestamp, query.Nonce, query.Signature))
            throw new WeChatCryptoException(WeChatCryptoFailure.InvalidSignature, "Callback signature mismatch.");

        if (!query.IsEncrypted)
        {
            if (_options.Mode == MessageEncryptionMode.Safe)
                throw new WeChatCryptoException(WeChatCryptoFailure.MalformedEnvelope, "Safe mode accepts encrypted callbacks only.");
            return new OpenedCallback(InboundMessageParser.Parse(body, _options.MaxBodyCharacters), body, false);
        }

        if (_crypto is null)
            throw new WeChatCryptoException(WeChatCryptoFailure.MalformedEnvelope, "Encrypted callback received in plaintext mode.");

        var envelope = SafeXml.ParseRoot(body, _options.MaxBodyCharacters);
        var encrypt = envelope.Child("Encrypt")
            ?? throw new WeChatCryptoException(WeChatCryptoFailure.MalformedEnvelope, "Encrypted callback without <Encrypt>.");
        if (!WeChatSignature.VerifyMessageSignature(_options.Token, query.Timestamp, query.Nonce, encrypt, query.MsgSignature))
            throw new WeChatCryptoException(WeChatCryptoFailure.InvalidSignature, "msg_signature mismatch.");

        var plainXml = _crypto.Decrypt(encrypt);
        return new OpenedCallback(InboundMessageParser.Parse(plainXml, _options.MaxBodyCharacters), plainXml, true);
    }

    /// <summary>Wraps a reply the way the request came: encrypted requests get an encrypted, signed envelope.</summary>
    public string SealReply(string replyXml, OpenedCallback request, long? timestamp = null, string? nonce = null)
    {
        if (!request.WasEncrypted || replyXml == ReplyXml.NoReply) return replyXml;
        return Encrypt(replyXml, timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds(), nonce ?? NewNonce());
    }

    public string Encrypt(string replyXml, long timestamp, string nonce)
    {
        if (_crypto is null) throw new InvalidOperationException("Encryption is not configured in plaintext mode.");
        var encrypt = _crypto.Encrypt(replyXml);
        var ts = timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = WeChatSignature.ComputeMessageSignature(_options.Token, ts, nonce, encrypt);
        return ReplyXml.EncryptedEnvelope(encrypt, signature, ts, nonce);
    }

    private static string NewNonce() => RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
