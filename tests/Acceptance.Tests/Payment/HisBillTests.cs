using System.Text.Json;
using Acceptance.Tests.ElderMode;
using Acceptance.Tests.Identity;
using Microsoft.Playwright;
using Platform.Testing;
using static Microsoft.Playwright.Assertions;

namespace Acceptance.Tests.Payment;

/// <summary>Fees the HIS charged: 在线缴费 of an outpatient bill (R37) and 费用查询 with the itemised list per visit and
/// the 住院预交金 balance, topped up online (R39, R36). The HIS is told of every payment and balances its books.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HisBillTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);
    private readonly BrowserFixture browser;

    public HisBillTests(BrowserFixture browser)
    {
        this.browser = browser;
        SetDefaultExpectTimeout(20000);
    }

    [Fact]
    [Trait("Rubric", "R37")]
    public async Task A_patient_pays_an_outpatient_bill_of_exams_and_drugs_online_and_the_HIS_balances_it()
    {
        using var his = new HisSimulator();
        var account = await IdentityApi.RegisterAsync();
        var (hisPatient, patientId) = await his.AddNewPatientAsync(account);
        // Today's visit: the doctor ordered a CT and a drug, and the HIS charged them on an unpaid invoice.
        var (billId, totalFen) = await his.ChargeVisitAsync(hisPatient);
        var bills = await Eventually.Until(() => BillsAsync(account, patientId),
            b => b is { } x && x.GetProperty("invoices").EnumerateArray().Any(i => i.GetProperty("id").GetString() == billId),
            Wait, $"{hisPatient} 的待缴账单");
        var bill = bills!.Value.GetProperty("invoices").EnumerateArray().First(i => i.GetProperty("id").GetString() == billId);
        Assert.Equal("unpaid", bill.GetProperty("status").GetString());
        Assert.Equal(totalFen, bill.GetProperty("totalFen").GetInt64());
        Assert.Equal(["drug", "exam"], bill.GetProperty("items").EnumerateArray().Select(l => l.GetProperty("category").GetString()).Order());
        // The lines add up to the bill, to the fen.
        Assert.Equal(bill.GetProperty("totalFen").GetInt64(), bill.GetProperty("items").EnumerateArray().Sum(l => l.GetProperty("amountFen").GetInt64()));

        await ElderModePages.SetAccountElderModeAsync(account, true);
        await using var context = await browser.SignedInContextAsync(account);
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            await p.OpenInElderModeAsync("/payment", "bill-item");
            var item = p.Locator($"[data-testid=bill-item][data-id='{billId}']");
            await Expect(item).ToHaveAttributeAsync("data-status", "unpaid");
            await Accessibility.AssertElderFriendlyAsync(p);
            await item.GetByTestId("bill-toggle").ClickAsync();
            await Expect(item.GetByTestId("bill-line")).ToHaveCountAsync(bill.GetProperty("items").GetArrayLength());
            // 缴费 makes the order and goes straight to WeChat Pay (a QR code outside WeChat).
            await item.GetByTestId("bill-pay").ClickAsync();
            await WeChatPaySimulator.PayQrCodeAsync(p);
            await Expect(p.Locator($"[data-testid=bill-item][data-id='{billId}']")).ToHaveAttributeAsync("data-status", "paid",
                new() { Timeout = 60000 });
        }, "R37_bill");

        // The HIS recorded the payment against the invoice and balanced it.
        await Eventually.Until(async () => (await his.FhirAsync($"Invoice/{billId}")).GetProperty("status").GetString(),
            s => s == "balanced", Wait, "the HIS balancing the invoice");
        var notices = await his.SearchAsync($"PaymentNotice?request=Invoice/{billId}");
        Assert.Single(notices);
        Assert.Equal(bill.GetProperty("totalFen").GetInt64(), (long)Math.Round(notices[0].GetProperty("amount").GetProperty("value").GetDecimal() * 100));
    }

    [Fact]
    [Trait("Rubric", "R39")]
    [Trait("Rubric", "R36")]
    public async Task The_fee_list_is_itemised_per_visit_and_an_inpatient_tops_up_the_deposit_and_sees_the_new_balance()
    {
        using var his = new HisSimulator();
        var account = await IdentityApi.RegisterAsync();
        var (hisPatient, patientId) = await his.AddNewPatientAsync(account);
        // Admitted today: the HIS opens the deposit account and has already charged the first days.
        var (accountId, before) = await his.AdmitWithDepositAsync(hisPatient);
        await his.ChargeVisitAsync(hisPatient);
        var deposits = await Eventually.Until(() => DepositsAsync(account, patientId),
            d => d is { } x && x.GetProperty("items").EnumerateArray().Any(a => a.GetProperty("id").GetString() == accountId), Wait, $"{hisPatient} 的预交金账户");
        Assert.Equal(before, deposits!.Value.GetProperty("items").EnumerateArray().First(a => a.GetProperty("id").GetString() == accountId)
            .GetProperty("balanceFen").GetInt64());

        await using var context = await browser.SignedInContextAsync(account);
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            await p.GotoAsync("/fees");
            var card = p.Locator($"[data-testid=deposit-card][data-id='{accountId}']");
            await Expect(card.GetByTestId("deposit-balance")).ToContainTextAsync($"{before / 100m:0.00}");
            // Its movements as the HIS has them: the window deposit and four charges, reaching the balance to the fen.
            var movements = card.GetByTestId("deposit-movements");
            await Expect(movements).ToHaveAttributeAsync("data-consistent", "true");
            await Expect(movements.Locator("[data-testid=deposit-movement][data-kind=deposit]")).ToHaveCountAsync(1);
            await Expect(movements.Locator("[data-testid=deposit-movement][data-kind=charge]")).ToHaveCountAsync(4);
            // Every visit's bill is itemised; its lines are there.
            var bills = await BillsAsync(account, patientId);
            foreach (var bill in bills!.Value.GetProperty("invoices").EnumerateArray().Take(3))
            {
                var invoice = p.Locator($"[data-testid=fee-invoice][data-id='{bill.GetProperty("id").GetString()}']");
                await Expect(invoice.GetByTestId("fee-line")).ToHaveCountAsync(bill.GetProperty("items").GetArrayLength());
                await Expect(invoice.GetByTestId("fee-total")).ToHaveAttributeAsync("data-fen", bill.GetProperty("totalFen").GetInt64().ToString());
                await Expect(invoice.GetByTestId("fee-mismatch")).ToHaveCountAsync(0);
            }

            await card.GetByTestId("deposit-topup").ClickAsync();
            await card.GetByTestId("topup-amount").FillAsync("1000");
            await card.GetByTestId("topup-submit").ClickAsync();
            await WeChatPaySimulator.PayQrCodeAsync(p);
            await Expect(card.GetByTestId("deposit-balance")).ToContainTextAsync($"{(before + 100_000) / 100m:0.00}", new() { Timeout = 60000 });
            // The online top-up is now one of the account's movements at the HIS, newest first.
            await Expect(movements.GetByTestId("deposit-movement").First).ToHaveAttributeAsync("data-fen", "100000");
            await Expect(movements).ToHaveAttributeAsync("data-consistent", "true");
        }, "R39_deposit");

        var raised = await DepositsAsync(account, patientId);
        Assert.Equal(before + 100_000, raised!.Value.GetProperty("items").EnumerateArray()
            .First(d => d.GetProperty("id").GetString() == accountId).GetProperty("balanceFen").GetInt64());
    }

    private static async Task<JsonElement?> BillsAsync(TestAccount account, Guid patientId)
    {
        try { return await IdentityApi.GetAsync(account.AccessToken, $"/api/payment/bills?patientId={patientId}"); }
        catch (HttpRequestException) { return null; } // not linked yet
    }

    private static async Task<JsonElement?> DepositsAsync(TestAccount account, Guid patientId)
    {
        try { return await IdentityApi.GetAsync(account.AccessToken, $"/api/payment/deposits?patientId={patientId}"); }
        catch (HttpRequestException) { return null; }
    }
}
