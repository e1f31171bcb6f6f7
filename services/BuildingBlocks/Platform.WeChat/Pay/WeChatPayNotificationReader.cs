using System.Text.Json;
using Platform.WeChat.Pay.Models;

namespace Platform.WeChat.Pay;

/// <summary>Checks a notify_url callback's signature, then decrypts and parses its resource.</summary>
public sealed class WeChatPayNotificationReader(WeChatPayVerifier verifier, WeChatPayAesGcm aes)
{
    public const string ExpectedAlgorithm = "AEAD_AES_256_GCM";

    public VerifiedNotification<Transaction> ReadTransaction(WeChatPaySignatureHeaders headers, string body) =>
        Read<Transaction>(headers, body);

    public VerifiedNotification<RefundNotificationResource> ReadRefund(WeChatPaySignatureHeaders headers, string body) =>
        Read<RefundNotificationResource>(headers, body);

    public VerifiedNotification<T> Read<T>(WeChatPaySignatureHeaders headers, string body)
    {
        verifier.Verify(headers, body);

        PayNotification envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<PayNotification>(body)
                ?? throw new WeChatPayDecryptionException("Notification body is empty.");
        }
        catch (JsonException ex)
        {
            throw new WeChatPayDecryptionException("Notification body is not the expected JSON.", ex);
        }
        if (envelope.Resource.Algorithm != ExpectedAlgorithm)
            throw new WeChatPayDecryptionException($"Unsupported resource algorithm {envelope.Resource.Algorithm}.");

        var plain = aes.Decrypt(envelope.Resource.AssociatedData ?? "", envelope.Resource.Nonce, envelope.Resource.Ciphertext);
        try
        {
            var resource = JsonSerializer.Deserialize<T>(plain)
                ?? throw new WeChatPayDecryptionException("Decrypted resource is empty.");
            return new VerifiedNotification<T>(envelope, resource);
        }
        catch (JsonException ex)
        {
            throw new WeChatPayDecryptionException("Decrypted resource is not the expected JSON.", ex);
        }
    }
}
