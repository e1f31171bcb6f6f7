using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Acceptance.Tests.ElderMode;
using Acceptance.Tests.Identity;
using Acceptance.Tests.Scheduling;
using Microsoft.Playwright;
using Platform.Testing;
using static Microsoft.Playwright.Assertions;

namespace Acceptance.Tests.Payment;

/// <summary>医保移动支付 (X02): the insured part of a bill through medical insurance, authorised with the 医保电子凭证, the
/// rest through WeChat Pay; the split per item is the insurance platform's (its simulator is the referee) and the fee
/// list shows 统筹支付 / 个人账户 / 自付. A refused or timed-out 结算 never loses or doubles money.</summary>
[Collection(FaultsCollection.Name)]
public sealed class InsurancePaymentTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);
    private static readonly HttpClient Edge = new() { BaseAddress = new Uri(TestEnvironment.EdgeUrl), Timeout = TimeSpan.FromSeconds(60) };
    private readonly BrowserFixture browser;

    public InsurancePaymentTests(BrowserFixture browser)
    {
        this.browser = browser;
        SetDefaultExpectTimeout(20000);
    }

    public Task InitializeAsync() => InsuranceSimulator.ClearFaultsAsync();

    public Task DisposeAsync() => InsuranceSimulator.ClearFaultsAsync();

    [Fact]
    [Trait("Rubric", "X02")]
    public async Task A_patient_pays_a_bill_with_the_insurance_card_and_only_the_self_paid_part_through_WeChat_Pay()
    {
        using var his = new HisSimulator();
        var (account, patientId, hisPatient) = await PatientAsync(his);
        var (billId, totalFen) = await his.ChargeVisitAsync(hisPatient, withRegistrationFee: true);
        await UntilBillAsync(account, patientId, billId);
        // 100.00 left in the personal account: it covers part of the CT and nothing after it.
        var insured = await InsuranceSimulator.AddPersonAsync(10_000);

        await ElderModePages.SetAccountElderModeAsync(account, true);
        await using var context = await browser.SignedInContextAsync(account);
        await InsuranceSimulator.AsPersonAsync(context, insured);
        var page = await context.NewPageAsync();
        Guid orderId = default;
        await page.RunAsync(async p =>
        {
            await p.OpenInElderModeAsync($"/payment?patientId={patientId}", "bill-item");
            var item = p.Locator($"[data-testid=bill-item][data-id='{billId}']");
            await item.GetByTestId("bill-insurance").ClickAsync();
            // The 医保电子凭证 page (the insurance platform's), then back to ours with its answer.
            await p.GetByRole(AriaRole.Button, new() { Name = "授权" }).ClickAsync();
            await Expect(p.GetByTestId("insurance-split")).ToBeVisibleAsync(new() { Timeout = 30000 });
            Assert.DoesNotContain("ec_token", p.Url);
            orderId = Guid.Parse(await p.GetByTestId("insurance-order").GetAttributeAsync("data-order-id") ?? "");
            await Accessibility.AssertElderFriendlyAsync(p);

            // Per item, the platform's split: 挂号 is not covered; the CT is 60 % 统筹 and the account's last 100.00; the
            // drug 70 % 统筹 and the rest 自付.
            var rows = p.GetByTestId("insurance-item");
            await Expect(rows).ToHaveCountAsync(3);
            await ExpectRowAsync(rows.Nth(0), "GH", 0, 0, 1500);
            await ExpectRowAsync(rows.Nth(1), "JC-CT", 16800, 10000, 1200);
            await ExpectRowAsync(rows.Nth(2), "YP-ACC", 2485, 0, 1065);
            await Expect(p.GetByTestId("insurance-total-selfPayFen").Locator("dd")).ToHaveAttributeAsync("data-fen", "3765");
            // Only the 自付 part goes to WeChat Pay.
            await Expect(p.GetByTestId("pay-amount")).ToHaveAttributeAsync("data-fen", "3765");
            await p.GetByTestId("pay-button").ClickAsync();
            await WeChatPaySimulator.PayQrCodeAsync(p);
            await Expect(p.GetByTestId("insurance-done")).ToBeVisibleAsync(new() { Timeout = 60000 });

            // 费用查询 shows the split with the visit's lines.
            await p.GotoAsync($"/fees?patientId={patientId}");
            var fee = p.Locator($"[data-testid=fee-invoice][data-id='{billId}']");
            await Expect(fee.GetByTestId("insurance-split")).ToHaveAttributeAsync("data-status", "settled", new() { Timeout = 30000 });
            await ExpectRowAsync(fee.GetByTestId("insurance-item").Nth(1), "JC-CT", 16800, 10000, 1200);
        }, "X02_insurance");

        // One 结算 at the platform, the account debited once, and the HIS balanced with the whole bill.
        var settlements = await InsuranceSimulator.SettlementsAsync(orderId);
        Assert.Single(settlements);
        Assert.Equal("settled", settlements[0].GetProperty("status").GetString());
        Assert.Equal((19285, 10000, 3765), (settlements[0].GetProperty("fundPayFen").GetInt64(),
            settlements[0].GetProperty("accountPayFen").GetInt64(), settlements[0].GetProperty("selfPayFen").GetInt64()));
        Assert.Equal(0, await InsuranceSimulator.BalanceAsync(insured));
        await ExpectHisBalancedAsync(his, billId, totalFen, orderId, fund: 19285, account: 10000);
    }

    [Fact]
    [Trait("Rubric", "X02")]
    public async Task A_bill_insurance_pays_in_full_is_settled_once_even_when_the_settlement_call_times_out()
    {
        using var his = new HisSimulator();
        var (account, patientId, hisPatient) = await PatientAsync(his);
        var (billId, totalFen) = await his.ChargeVisitAsync(hisPatient);
        await UntilBillAsync(account, patientId, billId);
        var insured = await InsuranceSimulator.AddPersonAsync(120_000);
        var order = await PreSettledAsync(account, patientId, billId, insured);
        Assert.Equal(0, order.GetProperty("payableFen").GetInt64());
        var orderId = order.GetProperty("id").GetGuid();

        // The 结算 is held unanswered until Payment gives up, and goes through at the platform all the same.
        await InsuranceSimulator.FaultsAsync(new { timeoutNext = 1 });
        var (status, confirmed) = await CallAsync(account, HttpMethod.Post, $"/api/payment/orders/{orderId}/insurance/confirm");
        Assert.Equal(200, status);
        Assert.Equal("settling", confirmed.GetProperty("status").GetString());
        var paid = await Eventually.Until(async () => (await CallAsync(account, HttpMethod.Get, $"/api/payment/orders/{orderId}")).Json,
            o => o.GetProperty("status").GetString() == "paid", Wait, "the bill paid once insurance settled");
        Assert.Equal("settled", paid.GetProperty("insurance").GetProperty("status").GetString());

        Assert.Single(await InsuranceSimulator.SettlementsAsync(orderId));
        Assert.Equal(120_000 - 12_265, await InsuranceSimulator.BalanceAsync(insured));
        await ExpectHisBalancedAsync(his, billId, totalFen, orderId, fund: 19285, account: 12265);
    }

    [Fact]
    [Trait("Rubric", "X02")]
    public async Task A_settlement_refused_after_the_self_paid_part_gives_that_part_back_and_the_bill_is_open_again()
    {
        using var his = new HisSimulator();
        var (account, patientId, hisPatient) = await PatientAsync(his);
        var (billId, _) = await his.ChargeVisitAsync(hisPatient, withRegistrationFee: true);
        await UntilBillAsync(account, patientId, billId);
        var insured = await InsuranceSimulator.AddPersonAsync(10_000);
        var order = await PreSettledAsync(account, patientId, billId, insured);
        var orderId = order.GetProperty("id").GetGuid();
        Assert.Equal(3765, order.GetProperty("payableFen").GetInt64());

        await InsuranceSimulator.FaultsAsync(new { refuseNext = 1 });
        await WeChatPaySimulator.PayOrderAsync(account.AccessToken, orderId);
        var refunded = await Eventually.Until(async () => (await CallAsync(account, HttpMethod.Get, $"/api/payment/orders/{orderId}")).Json,
            o => o.GetProperty("status").GetString() == "refunded", Wait, "the 自付 part back after the refused 结算");
        Assert.Equal("failed", refunded.GetProperty("insurance").GetProperty("status").GetString());
        Assert.Equal(3765, refunded.GetProperty("refunds")[0].GetProperty("amountFen").GetInt64());
        Assert.Empty(await InsuranceSimulator.SettlementsAsync(orderId));
        Assert.Equal(10_000, await InsuranceSimulator.BalanceAsync(insured));
        // Nothing is owed on the bill yet: it can be paid again, and staff see what happened.
        var bill = await UntilBillAsync(account, patientId, billId);
        Assert.Equal("unpaid", bill.GetProperty("status").GetString());
        var issues = await IdentityApi.GetAsync(await StackTokens.StaffAsync(), "/api/payment/admin/issues?open=true");
        Assert.Contains(issues.GetProperty("items").EnumerateArray(), i => i.GetProperty("orderId").GetString() == orderId.ToString()
            && i.GetProperty("kind").GetString() == "insurance_failed");
    }

    [Fact]
    [Trait("Rubric", "X02")]
    public async Task Someone_elses_authorisation_or_a_refusal_changes_nothing_and_is_explained_in_Chinese()
    {
        using var his = new HisSimulator();
        var (account, patientId, hisPatient) = await PatientAsync(his);
        var (billId, totalFen) = await his.ChargeVisitAsync(hisPatient);
        await UntilBillAsync(account, patientId, billId);
        var order = await CallAsync(account, HttpMethod.Post, $"/api/payment/bills/{billId}/order", new { patientId, unsent = true });
        var orderId = order.Json.GetProperty("id").GetGuid();
        var insured = await InsuranceSimulator.AddPersonAsync(120_000);

        // An attacker's own authorisation (their token, their state) sent to this patient's order is refused.
        var attacker = await IdentityApi.RegisterAsync();
        var (_, attackerPatient, attackerHis) = await PatientAsync(his, attacker);
        var (attackerBill, _) = await his.ChargeVisitAsync(attackerHis);
        await UntilBillAsync(attacker, attackerPatient, attackerBill);
        var attackerOrder = await CallAsync(attacker, HttpMethod.Post, $"/api/payment/bills/{attackerBill}/order", new { patientId = attackerPatient, unsent = true });
        var attackerUrl = (await CallAsync(attacker, HttpMethod.Post, $"/api/payment/orders/{attackerOrder.Json.GetProperty("id")}/insurance/authorize")).Json
            .GetProperty("authorizeUrl").GetString()!;
        var attackerBack = System.Web.HttpUtility.ParseQueryString((await InsuranceSimulator.DecideAsync(attackerUrl, insured)).Query);
        var (forged, forgedProblem) = await CallAsync(account, HttpMethod.Post, $"/api/payment/orders/{orderId}/insurance",
            new { ecToken = attackerBack["ec_token"], state = attackerBack["state"] });
        Assert.Equal(400, forged);
        Assert.Equal("insurance_state_invalid", forgedProblem.GetProperty("code").GetString());
        var (bad, badProblem) = await CallAsync(account, HttpMethod.Post, $"/api/payment/orders/{orderId}/insurance", new { ecToken = "<script>", state = "" });
        Assert.Equal(400, bad);
        Assert.Contains("医保", badProblem.GetRawText());

        // The platform refuses the 预结算: said in Chinese, and the order still asks the whole bill.
        await InsuranceSimulator.FaultsAsync(new { refuseNext = 1 });
        var url = (await CallAsync(account, HttpMethod.Post, $"/api/payment/orders/{orderId}/insurance/authorize")).Json.GetProperty("authorizeUrl").GetString()!;
        var back = System.Web.HttpUtility.ParseQueryString((await InsuranceSimulator.DecideAsync(url, insured)).Query);
        var (refused, refusal) = await CallAsync(account, HttpMethod.Post, $"/api/payment/orders/{orderId}/insurance",
            new { ecToken = back["ec_token"], state = back["state"] });
        Assert.Equal(422, refused);
        Assert.Contains("参保状态异常", refusal.GetProperty("detail").GetString());
        var unchanged = (await CallAsync(account, HttpMethod.Get, $"/api/payment/orders/{orderId}")).Json;
        Assert.Equal(totalFen, unchanged.GetProperty("payableFen").GetInt64());
        Assert.Equal(JsonValueKind.Null, unchanged.GetProperty("insurance").ValueKind);
        Assert.Empty(await InsuranceSimulator.SettlementsAsync(orderId));
    }

    [Fact]
    [Trait("Rubric", "X02")]
    public async Task Paying_oneself_after_the_insurance_split_pays_the_whole_bill_and_settles_nothing_at_the_insurance()
    {
        using var his = new HisSimulator();
        var (account, patientId, hisPatient) = await PatientAsync(his);
        var (billId, totalFen) = await his.ChargeVisitAsync(hisPatient, withRegistrationFee: true);
        await UntilBillAsync(account, patientId, billId);
        var insured = await InsuranceSimulator.AddPersonAsync(120_000);
        var split = await PreSettledAsync(account, patientId, billId, insured);
        Assert.Equal(1500, split.GetProperty("payableFen").GetInt64());

        // 自费缴费 on the bill: the same order, asking the whole bill again.
        var (status, selfPay) = await CallAsync(account, HttpMethod.Post, $"/api/payment/bills/{billId}/order", new { patientId });
        Assert.Equal(200, status);
        Assert.Equal(split.GetProperty("id").GetGuid(), selfPay.GetProperty("id").GetGuid());
        Assert.Equal(totalFen, selfPay.GetProperty("payableFen").GetInt64());
        Assert.Equal(JsonValueKind.Null, selfPay.GetProperty("insurance").ValueKind);
        await WeChatPaySimulator.PayOrderAsync(account.AccessToken, selfPay.GetProperty("id").GetGuid());
        await Eventually.Until(async () => (await UntilBillAsync(account, patientId, billId)).GetProperty("status").GetString(),
            s => s == "paid", Wait, "the bill paid by oneself");
        Assert.Empty(await InsuranceSimulator.SettlementsAsync(selfPay.GetProperty("id").GetGuid()));
        Assert.Equal(120_000, await InsuranceSimulator.BalanceAsync(insured));
    }

    [Fact]
    [Trait("Rubric", "X02")]
    public async Task When_the_HIS_refuses_an_insured_payment_the_settlement_is_reversed_and_the_account_credited_back()
    {
        using var his = new HisSimulator();
        var (account, patientId, hisPatient) = await PatientAsync(his);
        var (billId, _) = await his.ChargeVisitAsync(hisPatient);
        await UntilBillAsync(account, patientId, billId);
        var insured = await InsuranceSimulator.AddPersonAsync(50_000);
        var order = await PreSettledAsync(account, patientId, billId, insured);
        var orderId = order.GetProperty("id").GetGuid();
        // Paid at the window meanwhile: the HIS will not take the platform's payment too.
        await his.PayAtWindowAsync(billId);
        Assert.Equal(200, (await CallAsync(account, HttpMethod.Post, $"/api/payment/orders/{orderId}/insurance/confirm")).Status);

        await Eventually.Until(async () => (await CallAsync(account, HttpMethod.Get, $"/api/payment/orders/{orderId}")).Json,
            o => o.GetProperty("insurance").GetProperty("status").GetString() == "reversed" && o.GetProperty("status").GetString() == "refunded",
            Wait, "the 结算 reversed after the HIS refused");
        var settlements = await InsuranceSimulator.SettlementsAsync(orderId);
        Assert.Equal("reversed", Assert.Single(settlements).GetProperty("status").GetString());
        Assert.Equal(50_000, await InsuranceSimulator.BalanceAsync(insured));
    }

    private static async Task ExpectRowAsync(ILocator row, string code, long fund, long account, long self)
    {
        await Expect(row).ToHaveAttributeAsync("data-code", code);
        await Expect(row.GetByTestId("insurance-item-fundPayFen")).ToHaveAttributeAsync("data-fen", fund.ToString());
        await Expect(row.GetByTestId("insurance-item-accountPayFen")).ToHaveAttributeAsync("data-fen", account.ToString());
        await Expect(row.GetByTestId("insurance-item-selfPayFen")).ToHaveAttributeAsync("data-fen", self.ToString());
    }

    private static async Task ExpectHisBalancedAsync(HisSimulator his, string billId, long totalFen, Guid orderId, long fund, long account)
    {
        await Eventually.Until(async () => (await his.FhirAsync($"Invoice/{billId}")).GetProperty("status").GetString(),
            s => s == "balanced", Wait, "the HIS balancing the invoice");
        var notice = Assert.Single(await his.SearchAsync($"PaymentNotice?request=Invoice/{billId}"));
        Assert.Equal(totalFen, (long)Math.Round(notice.GetProperty("amount").GetProperty("value").GetDecimal() * 100));
        var reconciliation = Assert.Single(await his.SearchAsync($"PaymentReconciliation?identifier=http://platform.jcsy.example/sid/payment|{orderId}"));
        var parts = reconciliation.GetProperty("detail").EnumerateArray()
            .ToDictionary(d => d.GetProperty("type").GetProperty("coding")[1].GetProperty("code").GetString()!,
                d => (long)Math.Round(d.GetProperty("amount").GetProperty("value").GetDecimal() * 100));
        Assert.Equal(fund, parts["fund"]);
        Assert.Equal(account, parts["account"]);
        Assert.Equal(totalFen - fund - account, parts["self"]);
    }

    private static async Task<(TestAccount Account, Guid PatientId, string HisPatient)> PatientAsync(HisSimulator his, TestAccount? account = null)
    {
        account ??= await IdentityApi.RegisterAsync();
        var (hisPatient, patientId) = await his.AddNewPatientAsync(account);
        return (account, patientId, hisPatient);
    }

    private static async Task<JsonElement> UntilBillAsync(TestAccount account, Guid patientId, string billId)
    {
        var bills = await Eventually.Until(async () =>
        {
            var (status, json) = await CallAsync(account, HttpMethod.Get, $"/api/payment/bills?patientId={patientId}");
            return status == 200 ? json : (JsonElement?)null;
        }, b => b is { } x && x.GetProperty("invoices").EnumerateArray().Any(i => i.GetProperty("id").GetString() == billId), Wait, "the bill");
        return bills!.Value.GetProperty("invoices").EnumerateArray().First(i => i.GetProperty("id").GetString() == billId);
    }

    /// <summary>Order, 医保电子凭证 authorised on "the phone" as <paramref name="insured"/>, and the 预结算.</summary>
    private static async Task<JsonElement> PreSettledAsync(TestAccount account, Guid patientId, string billId, string insured)
    {
        var order = await CallAsync(account, HttpMethod.Post, $"/api/payment/bills/{billId}/order", new { patientId, unsent = true });
        var orderId = order.Json.GetProperty("id").GetGuid();
        var url = (await CallAsync(account, HttpMethod.Post, $"/api/payment/orders/{orderId}/insurance/authorize")).Json.GetProperty("authorizeUrl").GetString()!;
        var back = await InsuranceSimulator.DecideAsync(url, insured);
        Assert.EndsWith($"/payment/insurance/{orderId}", back.GetLeftPart(UriPartial.Path));
        var query = System.Web.HttpUtility.ParseQueryString(back.Query);
        var (status, split) = await CallAsync(account, HttpMethod.Post, $"/api/payment/orders/{orderId}/insurance",
            new { ecToken = query["ec_token"], state = query["state"] });
        Assert.True(status == 200, split.ToString());
        Assert.Equal("preSettled", split.GetProperty("insurance").GetProperty("status").GetString());
        return split;
    }

    private static async Task<(int Status, JsonElement Json)> CallAsync(TestAccount account, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", account.AccessToken);
        using var response = await Edge.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default);
    }
}
