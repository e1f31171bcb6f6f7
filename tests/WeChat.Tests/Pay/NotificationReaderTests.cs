using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Platform.WeChat.Pay;
using WeChat.Tests.Referee;

namespace WeChat.Tests.Pay;

/// <summary>A notify_url callback whose resource was encrypted by the referee, signed with the platform key.</summary>
public class NotificationReaderTests
{
    public static TheoryData<string> Sources => VectorSources.All();

    [Theory, MemberData(nameof(Sources))]
    public async Task Reads_verified_payment_notification_and_rejects_tampering(string source)
    {
        var pay = (await VectorSources.LoadAsync(source))["pay"];
        var resource = pay.Items("resources").First();
        var body = new JsonObject
        {
            ["id"] = "EV-018372", ["create_time"] = "2024-05-01T10:00:05+08:00", ["event_type"] = "TRANSACTION.SUCCESS",
            ["resource_type"] = "encrypt-resource", ["summary"] = "支付成功",
            ["resource"] = new JsonObject
            {
                ["algorithm"] = "AEAD_AES_256_GCM", ["ciphertext"] = resource.Str("ciphertext"),
                ["associated_data"] = resource.Str("associatedData"), ["original_type"] = "transaction", ["nonce"] = resource.Str("nonce"),
            },
        }.ToJsonString();
        var now = DateTimeOffset.UtcNow;
        var headers = Sign(pay.Str("platformPrivateKeyPem"), pay.Str("serial"), now.ToUnixTimeSeconds().ToString(), body);
        using var verifier = new WeChatPayVerifier(
            new Dictionary<string, string> { [pay.Str("serial")] = pay.Str("platformPublicKeyPem") }, TimeSpan.FromMinutes(5), new FixedClock(now));
        var reader = new WeChatPayNotificationReader(verifier, new WeChatPayAesGcm(pay.Str("apiV3Key")));

        var notification = reader.ReadTransaction(headers, body);

        Assert.Equal("TRANSACTION.SUCCESS", notification.Envelope.EventType);
        Assert.Equal(("R20240501001", 1500, true), (notification.Resource.OutTradeNo, notification.Resource.Amount!.Total, notification.Resource.IsPaid));
        Assert.Throws<WeChatPaySignatureException>(() => reader.ReadTransaction(headers, body.Replace("EV-018372", "EV-018373")));
        var replayed = Sign(pay.Str("platformPrivateKeyPem"), pay.Str("serial"), now.AddMinutes(-6).ToUnixTimeSeconds().ToString(), body);
        Assert.Equal(WeChatPaySignatureFailure.StaleTimestamp,
            Assert.Throws<WeChatPaySignatureException>(() => reader.ReadTransaction(replayed, body)).Failure);
        Assert.Equal(WeChatPaySignatureFailure.MissingHeaders,
            Assert.Throws<WeChatPaySignatureException>(() => reader.ReadTransaction(headers with { Signature = null }, body)).Failure);
    }

    private static WeChatPaySignatureHeaders Sign(string privateKeyPem, string serial, string timestamp, string body)
    {
        using var key = RSA.Create();
        key.ImportFromPem(privateKeyPem);
        const string nonce = "5K8264ILTKCH16CQ2502SI8ZNMTM67VS";
        var signature = key.SignData(Encoding.UTF8.GetBytes($"{timestamp}\n{nonce}\n{body}\n"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return new WeChatPaySignatureHeaders(Convert.ToBase64String(signature), timestamp, nonce, serial);
    }
}
