using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Payment.Tests;

public sealed class MiniProgramPayTests(PaymentFixture fixture) : IClassFixture<PaymentFixture>
{
    private static string MiniProgramOpenId() => "oMp" + Guid.NewGuid().ToString("N")[..25];

    private static Task<HttpResponseMessage> PayAsync(PayingPatient patient, Guid orderId, object body) =>
        patient.Client.PostAsJsonAsync($"/api/payment/orders/{orderId}/pay", body);

    /// <summary>wechatpay-axios-plugin (npm, not our C# signer) checks the paySign over the mini-program's appid.</summary>
    private static async Task<bool> IndependentlyVerifiedAsync(JsonElement requestPayment, string appId)
    {
        var parameters = JsonSerializer.Serialize(new
        {
            appId,
            timeStamp = requestPayment.GetProperty("timeStamp").GetString(),
            nonceStr = requestPayment.GetProperty("nonceStr").GetString(),
            package = requestPayment.GetProperty("package").GetString(),
            signType = requestPayment.GetProperty("signType").GetString(),
            paySign = requestPayment.GetProperty("paySign").GetString(),
        });
        var psi = new ProcessStartInfo("node", ["support/verify-request-payment.mjs", parameters])
        {
            WorkingDirectory = Path.Combine(TestEnvironment.Root, "tests", "Simulators", "WeChatPay"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(psi)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(output.Contains("\"valid\""), "verifier did not run: " + error);
        return process.ExitCode == 0;
    }

    [Fact]
    public async Task The_mini_program_gets_request_payment_parameters_signed_for_its_own_appid_and_paying_them_settles_the_order()
    {
        var patient = await PayingPatient.WithFeeAsync(fixture, 2500);
        var openId = MiniProgramOpenId();
        fixture.Identity.PutMiniProgramPayer(patient.AccountId, openId);
        fixture.Identity.PutWeChatPayer(patient.AccountId, "oServiceAccount" + Guid.NewGuid().ToString("N")[..13]);
        var orderId = (await patient.OrderAsync()).GetProperty("id").GetGuid();

        var response = await PayAsync(patient, orderId, new { channel = "miniprogram" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("miniprogram", answer.GetProperty("channel").GetString());
        var pay = answer.GetProperty("requestPayment");
        Assert.StartsWith("prepay_id=", pay.GetProperty("package").GetString());
        Assert.Equal("RSA", pay.GetProperty("signType").GetString());
        Assert.Matches("^[0-9]{10}$", pay.GetProperty("timeStamp").GetString());
        Assert.True(await IndependentlyVerifiedAsync(pay, PaymentFixture.MiniProgramAppId), "paySign verifies over the mini-program appid");
        Assert.False(await IndependentlyVerifiedAsync(pay, "wx5f0c1a2b3c4d5e6f"), "and not over the service account's");

        // WeChat Pay has the order under the mini-program's appid, for the mini-program openid.
        var outTradeNo = await patient.OutTradeNoAsync();
        var placed = (await fixture.SimGetAsync($"orders?out_trade_no={outTradeNo}"))[0];
        Assert.Equal(PaymentFixture.MiniProgramAppId, placed.GetProperty("appid").GetString());
        Assert.Equal(openId, placed.GetProperty("payer").GetProperty("openid").GetString());

        // wx.requestPayment, played by the simulator: it checks the sign with its own code and pays.
        var paid = await fixture.WeChatPay.Http.PostAsJsonAsync("$sim/miniprogram/request-payment", new
        {
            timeStamp = pay.GetProperty("timeStamp").GetString(), nonceStr = pay.GetProperty("nonceStr").GetString(),
            package = pay.GetProperty("package").GetString(), signType = "RSA", paySign = pay.GetProperty("paySign").GetString(),
        });
        Assert.True(paid.IsSuccessStatusCode, await paid.Content.ReadAsStringAsync());
        await patient.UntilStatusAsync("paid");
    }

    [Fact]
    public async Task Without_a_mini_program_sign_in_or_with_an_unknown_channel_the_pay_is_refused_in_chinese_and_nothing_is_prepaid()
    {
        var patient = await PayingPatient.WithFeeAsync(fixture);
        fixture.Identity.PutWeChatPayer(patient.AccountId, "oServiceAccount" + Guid.NewGuid().ToString("N")[..13]);
        var orderId = (await patient.OrderAsync()).GetProperty("id").GetGuid();

        var notSignedIn = await PayAsync(patient, orderId, new { channel = "miniprogram" });
        Assert.Equal(HttpStatusCode.Conflict, notSignedIn.StatusCode);
        Assert.Contains("小程序", await notSignedIn.Content.ReadAsStringAsync());

        var unknown = await PayAsync(patient, orderId, new { channel = "alipay" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("支付渠道", await unknown.Content.ReadAsStringAsync());

        var outTradeNo = await patient.OutTradeNoAsync();
        Assert.Equal(0, (await fixture.SimGetAsync($"orders?out_trade_no={outTradeNo}")).GetArrayLength());
    }

    [Fact]
    public async Task An_order_already_placed_in_the_service_account_cannot_be_placed_again_in_the_mini_program()
    {
        var patient = await PayingPatient.WithFeeAsync(fixture);
        fixture.Identity.PutWeChatPayer(patient.AccountId, "oServiceAccount" + Guid.NewGuid().ToString("N")[..13]);
        fixture.Identity.PutMiniProgramPayer(patient.AccountId, MiniProgramOpenId());
        var h5 = await patient.PayAsync();
        Assert.Equal("jsapi", h5.GetProperty("method").GetString());

        var orderId = (await patient.OrderAsync()).GetProperty("id").GetGuid();
        var again = await PayAsync(patient, orderId, new { channel = "miniprogram" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("其他渠道", await again.Content.ReadAsStringAsync());
    }
}
