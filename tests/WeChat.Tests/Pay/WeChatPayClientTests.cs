using System.Net;
using Platform.WeChat.Pay;
using Platform.WeChat.Pay.Models;

namespace WeChat.Tests.Pay;

public class WeChatPayClientTests : IClassFixture<FakeWeChatPayServer>, IDisposable
{
    private readonly FakeWeChatPayServer _server;
    private readonly HttpClient _http = new();
    private readonly WeChatPayClient _client;

    public WeChatPayClientTests(FakeWeChatPayServer server)
    {
        _server = server;
        _server.ImpostorKey = null;
        _server.Requests.Clear();
        _client = new WeChatPayClient(_http, new WeChatPayOptions
        {
            MchId = "1900000109",
            AppId = "wxapp",
            MerchantSerialNo = "MERCHANT_SERIAL",
            MerchantPrivateKeyPem = server.MerchantKey.ExportPkcs8PrivateKeyPem(),
            ApiV3Key = "0123456789abcdefghijABCDEFGHIJ12",
            PlatformPublicKeysPem = new Dictionary<string, string>
            {
                [FakeWeChatPayServer.PlatformSerial] = server.PlatformKey.ExportSubjectPublicKeyInfoPem(),
            },
            BaseAddress = server.BaseAddress,
        });
    }

    [Fact]
    public async Task Prepay_is_signed_accepted_and_yields_h5_pay_parameters()
    {
        var result = await _client.PrepayJsapiAsync(new JsapiOrder("门诊挂号费", "R20240501001", 1500, "oPatient",
            "https://pay.hospital.cn/notify", DateTimeOffset.Parse("2024-05-01T02:15:00Z")));

        Assert.Equal("wx2024050110000012345", result.PrepayId);
        var sent = System.Text.Json.Nodes.JsonNode.Parse(_server.Requests.Single().Body)!;
        Assert.Equal(1500, sent["amount"]!["total"]!.GetValue<int>());
        Assert.Equal("CNY", sent["amount"]!["currency"]!.GetValue<string>());
        Assert.Equal("2024-05-01T10:15:00+08:00", sent["time_expire"]!.GetValue<string>());
        Assert.Equal(("wxapp", "1900000109"), (sent["appid"]!.GetValue<string>(), sent["mchid"]!.GetValue<string>()));

        var pay = _client.CreateJsapiPayParameters(result.PrepayId);
        Assert.Equal("prepay_id=wx2024050110000012345", pay.Package);
        Assert.True(_server.MerchantKey.VerifyData(
            System.Text.Encoding.UTF8.GetBytes($"{pay.AppId}\n{pay.TimeStamp}\n{pay.NonceStr}\n{pay.Package}\n"),
            Convert.FromBase64String(pay.PaySign), System.Security.Cryptography.HashAlgorithmName.SHA256,
            System.Security.Cryptography.RSASignaturePadding.Pkcs1));
    }

    [Fact]
    public async Task Query_close_and_refund_round_trip()
    {
        var transaction = await _client.QueryByOutTradeNoAsync("R20240501001");
        Assert.True(transaction.IsPaid);
        Assert.Equal(1500, transaction.Amount!.Total);
        Assert.Equal("/v3/pay/transactions/out-trade-no/R20240501001?mchid=1900000109", _server.Requests[0].PathAndQuery);

        await _client.CloseAsync("R20240501002");
        Assert.Equal("""{"mchid":"1900000109"}""", _server.Requests[1].Body);

        var refund = await _client.RefundAsync(new RefundRequest
        {
            OutTradeNo = "R20240501001", OutRefundNo = "RF1", Reason = "退号",
            Amount = new RefundRequestAmount { Refund = 500, Total = 1500 },
        });
        Assert.Equal(("RF1", "PROCESSING", 500), (refund.OutRefundNo, refund.Status, refund.Amount!.Refund));
    }

    [Fact]
    public async Task Error_body_becomes_typed_exception()
    {
        var ex = await Assert.ThrowsAsync<WeChatPayApiException>(() =>
            _client.PrepayJsapiAsync(new JsapiOrder("x", "PAID", 1, "o", "https://n")));
        Assert.Equal((HttpStatusCode.Forbidden, "ORDERPAID"), (ex.Status, ex.Code));
    }

    [Fact]
    public async Task Answer_signed_by_an_impostor_is_rejected()
    {
        using var impostor = System.Security.Cryptography.RSA.Create(2048);
        _server.ImpostorKey = impostor;
        var ex = await Assert.ThrowsAsync<WeChatPaySignatureException>(() => _client.QueryByOutTradeNoAsync("R1"));
        Assert.Equal(WeChatPaySignatureFailure.BadSignature, ex.Failure);
        await Assert.ThrowsAsync<WeChatPaySignatureException>(() => _client.CloseAsync("R1"));
    }

    [Fact]
    public async Task Invalid_refund_amounts_are_refused_before_sending()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _client.RefundAsync(new RefundRequest
        {
            OutTradeNo = "R1", OutRefundNo = "RF2", Amount = new RefundRequestAmount { Refund = 1501, Total = 1500 },
        }));
        Assert.Empty(_server.Requests);
    }

    public void Dispose()
    {
        _client.Dispose();
        _http.Dispose();
    }
}
