using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Platform.WeChat.Messaging;
using Platform.WeChat.Pay;
using Platform.WeChat.Security;

namespace WeChat.Tests.Referee;

/// <summary>What we produce, the independent npm implementations must accept, checked live through node.</summary>
public class RoundTripTests
{
    private const string Token = "roundTripToken";
    private const string AppId = "wx0123456789abcdef";
    private const string ApiV3Key = "0123456789abcdefghijABCDEFGHIJ12";

    private static readonly string[] Messages =
    [
        "<xml><Content><![CDATA[您的检查报告已出，请及时查看]]></Content></xml>",
        "",
        new string('a', 64 - 16 - 4 - AppId.Length),
        string.Concat(Enumerable.Repeat("候诊提醒🚑", 300)),
    ];

    [NodeFact]
    public async Task Referees_decrypt_our_envelopes_and_agree_on_msg_signature()
    {
        var encodingAesKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=');
        var crypto = new WeChatMessageCrypto(encodingAesKey, AppId);
        var items = new JsonArray();
        var expectedSignatures = new List<string>();
        for (var i = 0; i < Messages.Length; i++)
        {
            var ciphertext = crypto.Encrypt(Messages[i]);
            var timestamp = (1714000000 + i).ToString();
            var nonce = "nonce" + i;
            expectedSignatures.Add(WeChatSignature.ComputeMessageSignature(Token, timestamp, nonce, ciphertext));
            items.Add(new JsonObject { ["ciphertext"] = ciphertext, ["timestamp"] = timestamp, ["nonce"] = nonce });
        }

        var answer = await NodeReferee.CheckAsync(Request(new JsonObject
        {
            ["token"] = Token, ["appId"] = AppId, ["encodingAESKey"] = encodingAesKey, ["items"] = items,
        }));

        var results = answer["messages"]!.AsArray();
        Assert.Equal(Messages.Length, results.Count);
        for (var i = 0; i < Messages.Length; i++)
        {
            foreach (var referee in new[] { "wecom", "legacy" })
            {
                Assert.Equal(Messages[i], results[i]![referee]!["message"]!.GetValue<string>());
                Assert.Equal(AppId, results[i]![referee]!["id"]!.GetValue<string>());
            }
            Assert.Equal(expectedSignatures[i], results[i]!["msgSignature"]!.GetValue<string>());
        }
    }

    [NodeFact]
    public async Task Referee_verifies_our_pay_signatures_and_decrypts_our_gcm_resources()
    {
        using var key = RSA.Create(2048);
        using var signer = new WeChatPaySigner("1900000001", "SERIAL", key.ExportPkcs8PrivateKeyPem());
        string[] parts = ["POST", "/v3/refund/domestic/refunds", "1714000000", "N0NCE", "{\"out_refund_no\":\"RF1\",\"reason\":\"退号\"}"];
        var signature = signer.Sign(WeChatPaySigner.Message(parts));
        var pay = signer.CreateJsapiPayParameters("wxd678efh567hg6787", "wx2024prepay", 1714000000, "abc");
        string[] payParts = [pay.AppId, pay.TimeStamp, pay.NonceStr, pay.Package];

        var aes = new WeChatPayAesGcm(ApiV3Key);
        const string resource = "{\"out_trade_no\":\"R1\",\"trade_state\":\"SUCCESS\",\"amount\":{\"total\":2500}}";
        var ciphertext = aes.Encrypt("transaction", "0123456789ab", resource);

        var publicPem = key.ExportSubjectPublicKeyInfoPem();
        var answer = await NodeReferee.CheckAsync(Request(
            paySignatures: new JsonArray(
                PaySignature(parts, signature, publicPem),
                PaySignature(payParts, pay.PaySign, publicPem),
                PaySignature([.. parts[..^1], parts[^1] + " "], signature, publicPem)),
            gcm: new JsonArray(new JsonObject
            {
                ["key"] = ApiV3Key, ["nonce"] = "0123456789ab", ["associatedData"] = "transaction", ["ciphertext"] = ciphertext,
            })));

        var verdicts = answer["paySignatures"]!.AsArray().Select(n => n!.GetValue<bool>()).ToArray();
        Assert.Equal([true, true, false], verdicts);
        Assert.Equal(resource, answer["gcm"]![0]!.GetValue<string>());
    }

    private static JsonObject PaySignature(string[] parts, string signature, string publicKeyPem) => new()
    {
        ["parts"] = new JsonArray(parts.Select(p => (JsonNode?)JsonValue.Create(p)).ToArray()),
        ["signature"] = signature,
        ["publicKeyPem"] = publicKeyPem,
    };

    private static JsonObject Request(JsonObject? messageCrypto = null, JsonArray? paySignatures = null, JsonArray? gcm = null) => new()
    {
        ["messageCrypto"] = messageCrypto ?? new JsonObject
        {
            ["token"] = Token, ["appId"] = AppId, ["encodingAESKey"] = new string('A', 43), ["items"] = new JsonArray(),
        },
        ["paySignatures"] = paySignatures ?? new JsonArray(),
        ["gcm"] = gcm ?? new JsonArray(),
    };
}
