using Platform.WeChat.JsSdk;
using Platform.WeChat.Messaging;
using Platform.WeChat.Security;
using WeChat.Tests.Referee;

namespace WeChat.Tests.Messaging;

/// <summary>Our message signatures and AES envelope against @wecom/crypto and wechat-crypto.</summary>
public class MessageCryptoVectorTests
{
    public static TheoryData<string> Sources => VectorSources.All();

    [Theory, MemberData(nameof(Sources))]
    public async Task Server_signature_matches_referee(string source)
    {
        var mc = (await VectorSources.LoadAsync(source))["messageCrypto"];
        foreach (var v in mc.Items("signatures"))
        {
            var expected = v.Str("signature");
            Assert.Equal(expected, WeChatSignature.Compute(v.Str("token"), v.Str("timestamp"), v.Str("nonce")));
            Assert.True(WeChatSignature.Verify(v.Str("token"), v.Str("timestamp"), v.Str("nonce"), expected));
            Assert.True(WeChatSignature.Verify(v.Str("token"), v.Str("timestamp"), v.Str("nonce"), expected.ToUpperInvariant()));
        }
    }

    [Theory, MemberData(nameof(Sources))]
    public async Task Msg_signature_matches_referee(string source)
    {
        var mc = (await VectorSources.LoadAsync(source))["messageCrypto"];
        foreach (var v in mc.Items("msgSignatures"))
        {
            Assert.Equal(v.Str("msgSignature"),
                WeChatSignature.ComputeMessageSignature(v.Str("token"), v.Str("timestamp"), v.Str("nonce"), v.Str("encrypt")));
            Assert.False(WeChatSignature.VerifyMessageSignature(v.Str("token"), v.Str("timestamp"), v.Str("nonce"),
                v.Str("encrypt") + "A", v.Str("msgSignature")));
        }
    }

    [Theory, MemberData(nameof(Sources))]
    public async Task Encrypt_with_fixed_random_prefix_equals_referee_ciphertext(string source)
    {
        var mc = (await VectorSources.LoadAsync(source))["messageCrypto"];
        var crypto = new WeChatMessageCrypto(mc.Str("encodingAESKey"), mc.Str("appId"));
        var count = 0;
        foreach (var v in mc.Items("fixedRandomEncryptions"))
        {
            var ours = crypto.Encrypt(v.Str("message"), Convert.FromHexString(v.Str("randomHex")));
            Assert.Equal(v.Str("ciphertext"), ours);
            count++;
        }
        Assert.True(count >= 5);
    }

    [Theory, MemberData(nameof(Sources))]
    public async Task Decrypts_what_both_referees_encrypted(string source)
    {
        var mc = (await VectorSources.LoadAsync(source))["messageCrypto"];
        var crypto = new WeChatMessageCrypto(mc.Str("encodingAESKey"), mc.Str("appId"));
        foreach (var v in mc.Items("randomEncryptions").Concat(mc.Items("fixedRandomEncryptions")))
            Assert.Equal(v.Str("message"), crypto.Decrypt(v.Str("ciphertext")));
    }

    [Theory, MemberData(nameof(Sources))]
    public async Task JsSdk_signature_matches_referee(string source)
    {
        var vectors = await VectorSources.LoadAsync(source);
        foreach (var v in vectors.Items("jsSdk"))
        {
            var timestamp = v["timestamp"]!.GetValue<long>();
            Assert.Equal(v.Str("signature"), JsSdkSigner.Sign(v.Str("ticket"), v.Str("nonceStr"), timestamp, v.Str("url")));
            Assert.Equal(v.Str("signature"), JsSdkSigner.Sign(v.Str("ticket"), v.Str("nonceStr"), timestamp, v.Str("url") + "#/pay?x=1"));
            Assert.NotEqual(v.Str("signature"), JsSdkSigner.Sign(v.Str("ticket"), v.Str("nonceStr"), timestamp + 1, v.Str("url")));
        }
    }
}
