using Platform.WeChat.Pay;
using WeChat.Tests.Referee;

namespace WeChat.Tests.Pay;

/// <summary>WeChat Pay v3 signing, verification and AES-GCM against wechatpay-axios-plugin and node:crypto.</summary>
public class PayVectorTests
{
    public static TheoryData<string> Sources => VectorSources.All();

    [Theory, MemberData(nameof(Sources))]
    public async Task Authorization_header_equals_referee(string source)
    {
        var pay = (await VectorSources.LoadAsync(source))["pay"];
        using var signer = new WeChatPaySigner(pay.Str("mchid"), pay.Str("serial"), pay.Str("merchantPrivateKeyPem"));
        foreach (var r in pay.Items("requests"))
        {
            var header = signer.CreateAuthorization(r.Str("method"), r.Str("url"), r.Str("body"), long.Parse(r.Str("timestamp")), r.Str("nonce"));
            Assert.Equal(r.Str("authorization"), header);
        }
    }

    [Theory, MemberData(nameof(Sources))]
    public async Task Verifies_referee_response_signatures_and_rejects_tampering(string source)
    {
        var pay = (await VectorSources.LoadAsync(source))["pay"];
        foreach (var r in pay.Items("responses"))
        {
            var signedAt = DateTimeOffset.FromUnixTimeSeconds(long.Parse(r.Str("timestamp")));
            using var verifier = new WeChatPayVerifier(
                new Dictionary<string, string> { [pay.Str("serial")] = pay.Str("platformPublicKeyPem") },
                TimeSpan.FromMinutes(5), new FixedClock(signedAt.AddMinutes(4)));
            var headers = new WeChatPaySignatureHeaders(r.Str("signature"), r.Str("timestamp"), r.Str("nonce"), r.Str("serial"));

            verifier.Verify(headers, r.Str("body"));

            var tampered = Assert.Throws<WeChatPaySignatureException>(() => verifier.Verify(headers, r.Str("body") + " "));
            Assert.Equal(WeChatPaySignatureFailure.BadSignature, tampered.Failure);
            var otherNonce = Assert.Throws<WeChatPaySignatureException>(() => verifier.Verify(headers with { Nonce = "x" }, r.Str("body")));
            Assert.Equal(WeChatPaySignatureFailure.BadSignature, otherNonce.Failure);
            var unknown = Assert.Throws<WeChatPaySignatureException>(() => verifier.Verify(headers with { Serial = "OTHER" }, r.Str("body")));
            Assert.Equal(WeChatPaySignatureFailure.UnknownSerial, unknown.Failure);
        }
    }

    [Theory, MemberData(nameof(Sources))]
    public async Task Rejects_signed_response_older_than_five_minutes(string source)
    {
        var pay = (await VectorSources.LoadAsync(source))["pay"];
        var r = pay.Items("responses").First();
        var signedAt = DateTimeOffset.FromUnixTimeSeconds(long.Parse(r.Str("timestamp")));
        using var verifier = new WeChatPayVerifier(
            new Dictionary<string, string> { [pay.Str("serial")] = pay.Str("platformPublicKeyPem") },
            TimeSpan.FromMinutes(5), new FixedClock(signedAt.AddMinutes(5).AddSeconds(1)));
        var headers = new WeChatPaySignatureHeaders(r.Str("signature"), r.Str("timestamp"), r.Str("nonce"), r.Str("serial"));

        var ex = Assert.Throws<WeChatPaySignatureException>(() => verifier.Verify(headers, r.Str("body")));
        Assert.Equal(WeChatPaySignatureFailure.StaleTimestamp, ex.Failure);
    }

    [Theory, MemberData(nameof(Sources))]
    public async Task Decrypts_referee_notification_resources(string source)
    {
        var pay = (await VectorSources.LoadAsync(source))["pay"];
        var aes = new WeChatPayAesGcm(pay.Str("apiV3Key"));
        foreach (var r in pay.Items("resources"))
        {
            Assert.Equal(r.Str("plaintext"), aes.Decrypt(r.Str("associatedData"), r.Str("nonce"), r.Str("ciphertext")));
            Assert.Throws<WeChatPayDecryptionException>(() => aes.Decrypt(r.Str("associatedData") + "x", r.Str("nonce"), r.Str("ciphertext")));
            Assert.Throws<WeChatPayDecryptionException>(() => aes.Decrypt(r.Str("associatedData"), r.Str("nonce"), FlipLastByte(r.Str("ciphertext"))));
        }
    }

    [Theory, MemberData(nameof(Sources))]
    public async Task Jsapi_pay_sign_equals_referee(string source)
    {
        var pay = (await VectorSources.LoadAsync(source))["pay"];
        using var signer = new WeChatPaySigner(pay.Str("mchid"), pay.Str("serial"), pay.Str("merchantPrivateKeyPem"));
        foreach (var p in pay.Items("jsapiPaySigns"))
        {
            var prepayId = p.Str("package")["prepay_id=".Length..];
            var ours = signer.CreateJsapiPayParameters(p.Str("appId"), prepayId, long.Parse(p.Str("timeStamp")), p.Str("nonceStr"));
            Assert.Equal(p.Str("package"), ours.Package);
            Assert.Equal("RSA", ours.SignType);
            Assert.Equal(p.Str("paySign"), ours.PaySign);
        }
    }

    internal static string FlipLastByte(string base64)
    {
        var bytes = Convert.FromBase64String(base64);
        bytes[^1] ^= 0x01;
        return Convert.ToBase64String(bytes);
    }
}

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
