using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Platform.Contracts.Payment;
using Platform.Testing;

namespace Payment.Tests;

/// <summary>Paying a fee through WeChat Pay: prepay in and out of WeChat, and notices that are duplicated, concurrent,
/// forged, stale, wrong in amount or lost. Money is credited exactly once and only when genuine.</summary>
public sealed class PaymentNoticeTests(PaymentFixture fixture) : IClassFixture<PaymentFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.WeChatPay.Http.DeleteAsync("$sim/faults");

    public Task DisposeAsync() => fixture.SimAsync("config", new { retrySchedule = "0.2,0.4,0.8" });

    private static bool Delivered(JsonElement attempt) => attempt.TryGetProperty("delivered", out var d) && d.ValueKind == JsonValueKind.True;

    [Fact]
    public async Task Outside_WeChat_the_patient_gets_a_QR_code_and_the_notice_credits_the_order_once()
    {
        var patient = await PayingPatient.WithFeeAsync(fixture);
        Assert.Equal("pending", (await patient.OrderAsync()).GetProperty("status").GetString());

        var how = await patient.PayAsync();
        Assert.Equal("native", how.GetProperty("method").GetString());
        Assert.StartsWith("weixin://wxpay/bizpayurl?pr=", how.GetProperty("codeUrl").GetString());

        var outTradeNo = await patient.OutTradeNoAsync();
        await fixture.SimAsync("pay", new { out_trade_no = outTradeNo });
        var paid = await patient.UntilStatusAsync("paid");
        Assert.Equal("已支付", paid.GetProperty("statusText").GetString());
        var credited = await fixture.Published.UntilAsync<PaymentSucceededIntegrationEvent>(e => e.OrderId == patient.SourceId);
        Assert.Equal(5000, credited.AmountFen);
        Assert.Equal(OrderKinds.Registration, credited.OrderKind);
    }

    [Fact]
    public async Task Inside_WeChat_the_page_gets_JSAPI_parameters_signed_with_the_merchant_key()
    {
        var patient = await PayingPatient.WithFeeAsync(fixture);
        fixture.Identity.PutWeChatPayer(patient.AccountId, "oPatient" + patient.AccountId.ToString("N")[..20]);

        var how = await patient.PayAsync();
        Assert.Equal("jsapi", how.GetProperty("method").GetString());
        var p = how.GetProperty("jsapi");
        Assert.Equal("RSA", p.GetProperty("signType").GetString());
        Assert.StartsWith("prepay_id=", p.GetProperty("package").GetString());
        var message = $"{p.GetProperty("appId")}\n{p.GetProperty("timeStamp")}\n{p.GetProperty("nonceStr")}\n{p.GetProperty("package")}\n";
        using var rsa = RSA.Create();
        rsa.ImportFromPem(await File.ReadAllTextAsync(Path.Combine(TestEnvironment.Root, "deploy", "local", "wechatpay", "merchant_public.pem")));
        Assert.True(rsa.VerifyData(Encoding.UTF8.GetBytes(message), Convert.FromBase64String(p.GetProperty("paySign").GetString()!),
            HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

        // WeChat's cashier (the simulator's) accepts the parameters as they are.
        var query = string.Join('&', p.EnumerateObject().Select(x => $"{x.Name}={Uri.EscapeDataString(x.Value.GetString()!)}"));
        var cashier = await fixture.WeChatPay.Http.GetStringAsync($"cashier/jsapi?{query}");
        Assert.Contains("确认支付", cashier);
        Assert.DoesNotContain("支付验证签名失败", cashier);
    }

    [Fact]
    public async Task The_same_notice_delivered_15_times_at_once_credits_the_order_once()
    {
        await fixture.SimAsync("faults", new { duplicateNotices = 15, concurrentDuplicates = true });
        var patient = await PayingPatient.WithFeeAsync(fixture);
        var outTradeNo = await patient.PrepayAndPayAsync();

        var deliveries = await Eventually.Until(() => fixture.SimGetAsync($"notices?out_trade_no={outTradeNo}"),
            n => n.EnumerateArray().Count(Delivered) == 15, TimeSpan.FromSeconds(30), "15 deliveries");
        Assert.All(deliveries.EnumerateArray(), a => Assert.Equal(204, a.GetProperty("status").GetInt32()));
        await patient.UntilStatusAsync("paid");
        await fixture.Published.UntilAsync<PaymentSucceededIntegrationEvent>(e => e.OrderId == patient.SourceId);
        // Every delivery was answered before this point, and each commits before it answers: one credit means one.
        Assert.Single(fixture.Published.Of<PaymentSucceededIntegrationEvent>(), e => e.OrderId == patient.SourceId);
    }

    [Theory]
    [InlineData("forgeNotices")]
    [InlineData("staleNotices")]
    public async Task A_forged_or_stale_notice_is_refused_and_changes_nothing(string fault)
    {
        await fixture.SimAsync("config", new { retrySchedule = "2" });
        // Only the notices may tell us: our active queries fail meanwhile, or they would find the payment on their own.
        await fixture.SimAsync("faults", new Dictionary<string, object>
        {
            [fault] = 1,
            ["failNext"] = new { path = "/v3/pay/transactions/out-trade-no/*", method = "GET", status = 500, code = "SYSTEM_ERROR", count = 1000 },
        });
        var patient = await PayingPatient.WithFeeAsync(fixture);
        var outTradeNo = await patient.PrepayAndPayAsync();

        var first = await Eventually.Until(() => fixture.SimGetAsync($"notices?out_trade_no={outTradeNo}"),
            n => n.GetArrayLength() >= 1 && n[0].TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.Number,
            TimeSpan.FromSeconds(20), "the first notice");
        Assert.Equal(401, first[0].GetProperty("status").GetInt32());
        Assert.Equal("FAIL", JsonDocument.Parse(first[0].GetProperty("response").GetString()!).RootElement.GetProperty("code").GetString());
        Assert.Equal("pending", (await patient.OrderAsync()).GetProperty("status").GetString());
        Assert.DoesNotContain(fixture.Published.Of<PaymentSucceededIntegrationEvent>(), e => e.OrderId == patient.SourceId);

        // The genuine retry credits it, once.
        await patient.UntilStatusAsync("paid");
        await fixture.Published.UntilAsync<PaymentSucceededIntegrationEvent>(e => e.OrderId == patient.SourceId);
        Assert.Single(fixture.Published.Of<PaymentSucceededIntegrationEvent>(), e => e.OrderId == patient.SourceId);
    }

    [Fact]
    public async Task A_notice_whose_amount_differs_from_the_order_is_flagged_for_staff_and_never_credited()
    {
        await fixture.SimAsync("faults", new { amountMismatch = 1 });
        var patient = await PayingPatient.WithFeeAsync(fixture);
        var outTradeNo = await patient.PrepayAndPayAsync();

        var issue = await Eventually.Until(async () =>
        {
            var issues = await fixture.StaffClient().GetFromJsonAsync<JsonElement>("/api/payment/admin/issues?open=true");
            return issues.GetProperty("items").EnumerateArray().FirstOrDefault(i => i.GetProperty("outTradeNo").GetString() == outTradeNo);
        }, i => i.ValueKind == JsonValueKind.Object, TimeSpan.FromSeconds(20), "the amount-mismatch issue");
        Assert.Equal("amount_mismatch", issue.GetProperty("kind").GetString());
        Assert.Contains("49.99", issue.GetProperty("detail").GetString());

        await Eventually.Until(() => fixture.SimGetAsync($"notices?out_trade_no={outTradeNo}"),
            n => n.EnumerateArray().Any(Delivered), TimeSpan.FromSeconds(20), "the notice answered");
        Assert.Equal("pending", (await patient.OrderAsync()).GetProperty("status").GetString());
        Assert.DoesNotContain(fixture.Published.Of<PaymentSucceededIntegrationEvent>(), e => e.OrderId == patient.SourceId);
    }

    [Fact]
    public async Task A_payment_whose_notice_never_comes_is_found_by_asking_WeChat_Pay()
    {
        await fixture.SimAsync("faults", new { suppressNotices = true });
        var patient = await PayingPatient.WithFeeAsync(fixture);
        var outTradeNo = await patient.PrepayAndPayAsync();

        await patient.UntilStatusAsync("paid");
        Assert.Empty((await fixture.SimGetAsync($"notices?out_trade_no={outTradeNo}")).EnumerateArray());
        await fixture.Published.UntilAsync<PaymentSucceededIntegrationEvent>(e => e.OrderId == patient.SourceId);
    }

    [Fact]
    public async Task The_cashier_saying_ok_is_confirmed_by_the_query_endpoint_at_once()
    {
        await fixture.SimAsync("faults", new { suppressNotices = true });
        var patient = await PayingPatient.WithFeeAsync(fixture);
        await patient.PrepayAndPayAsync();
        var order = await patient.OrderAsync();

        var response = await patient.Client.PostAsync($"/api/payment/orders/{order.GetProperty("id")}/query", null);
        var queried = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, queried.ToString());
        Assert.Equal("paid", queried.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Another_accounts_order_is_not_found_and_a_paid_order_is_not_paid_twice()
    {
        var patient = await PayingPatient.WithFeeAsync(fixture);
        var order = await patient.OrderAsync();
        var stranger = fixture.PatientClient(Guid.NewGuid());
        var peek = await stranger.GetAsync($"/api/payment/orders/{order.GetProperty("id")}");
        Assert.Equal(404, (int)peek.StatusCode);
        var pay = await stranger.PostAsync($"/api/payment/orders/{order.GetProperty("id")}/pay", null);
        Assert.Equal(404, (int)pay.StatusCode);
        Assert.Contains("订单不存在", await pay.Content.ReadAsStringAsync());

        await patient.PrepayAndPayAsync();
        await patient.UntilStatusAsync("paid");
        var again = await patient.Client.PostAsync($"/api/payment/orders/{order.GetProperty("id")}/pay", null);
        Assert.Equal(409, (int)again.StatusCode);
        var problem = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("order_paid", problem.GetProperty("code").GetString());
    }
}
