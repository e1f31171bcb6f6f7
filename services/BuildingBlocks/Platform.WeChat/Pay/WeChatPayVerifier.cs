using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Platform.WeChat.Pay;

/// <summary>The four headers WeChat Pay signs responses and callbacks with.</summary>
public sealed record WeChatPaySignatureHeaders(string? Signature, string? Timestamp, string? Nonce, string? Serial)
{
    public const string SignatureHeader = "Wechatpay-Signature";
    public const string TimestampHeader = "Wechatpay-Timestamp";
    public const string NonceHeader = "Wechatpay-Nonce";
    public const string SerialHeader = "Wechatpay-Serial";

    public static WeChatPaySignatureHeaders From(Func<string, string?> header) =>
        new(header(SignatureHeader), header(TimestampHeader), header(NonceHeader), header(SerialHeader));
}

/// <summary>Verifies "TIMESTAMP\nNONCE\nBODY\n" against the platform public key named by Wechatpay-Serial.</summary>
public sealed class WeChatPayVerifier : IDisposable
{
    private readonly Dictionary<string, RSA> _keys;
    private readonly TimeSpan _maxSkew;
    private readonly TimeProvider _clock;

    public WeChatPayVerifier(IReadOnlyDictionary<string, string> platformPublicKeysPem, TimeSpan maxSkew, TimeProvider? clock = null)
    {
        _keys = platformPublicKeysPem.ToDictionary(kv => kv.Key, kv =>
        {
            var rsa = RSA.Create();
            rsa.ImportFromPem(kv.Value);
            return rsa;
        }, StringComparer.Ordinal);
        _maxSkew = maxSkew;
        _clock = clock ?? TimeProvider.System;
    }

    public void Verify(WeChatPaySignatureHeaders headers, string body)
    {
        if (headers is not { Signature: { } signature, Timestamp: { } timestamp, Nonce: { } nonce, Serial: { } serial })
            throw new WeChatPaySignatureException(WeChatPaySignatureFailure.MissingHeaders, "Wechatpay-* signature headers are missing.");
        if (!_keys.TryGetValue(serial, out var key))
            throw new WeChatPaySignatureException(WeChatPaySignatureFailure.UnknownSerial, $"No platform key with serial {serial}.");
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(_clock.GetUtcNow().ToUnixTimeSeconds() - seconds) > (long)_maxSkew.TotalSeconds)
            throw new WeChatPaySignatureException(WeChatPaySignatureFailure.StaleTimestamp, "Wechatpay-Timestamp is outside the allowed window.");

        var message = Encoding.UTF8.GetBytes(WeChatPaySigner.Message(timestamp, nonce, body));
        var signatureBytes = new byte[signature.Length];
        if (!Convert.TryFromBase64String(signature, signatureBytes, out var written)
            || !key.VerifyData(message, signatureBytes.AsSpan(0, written), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
            throw new WeChatPaySignatureException(WeChatPaySignatureFailure.BadSignature, "Wechatpay-Signature does not match.");
    }

    public void Dispose()
    {
        foreach (var key in _keys.Values) key.Dispose();
    }
}
