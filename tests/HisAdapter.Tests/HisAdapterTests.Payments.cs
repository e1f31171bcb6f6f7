using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts.His;
using Platform.Testing;

namespace HisAdapter.Tests;

/// <summary>门诊缴费 and 住院预交金 paid on the platform (R37, R39): the HIS hears of each payment once and applies it.</summary>
public sealed partial class HisAdapterTests
{
    private const string PaymentSystem = "http://platform.jcsy.example/sid/payment";
    private const string DepositTotal = "http://his.jcsy.example/fhir/StructureDefinition/deposit-total";
    private const string DepositBalance = "http://his.jcsy.example/fhir/StructureDefinition/deposit-balance";

    [Fact]
    [Trait("Rubric", "R37")]
    public async Task A_bill_paid_on_the_platform_balances_the_his_invoice_and_a_redelivery_records_nothing_twice()
    {
        var (_, invoice) = await fixture.His.FhirAsync(HttpMethod.Get, "Invoice/inv-00002");
        Assert.Equal("issued", invoice.GetProperty("status").GetString());
        var totalFen = Fen(invoice.GetProperty("totalGross"));
        var paid = new HisBillPaidIntegrationEvent(Guid.NewGuid(), Guid.NewGuid(), "inv-00002", totalFen, "4200002731202612061234567890",
            new DateTimeOffset(2026, 12, 5, 18, 30, 0, TimeSpan.Zero));
        var redelivered = paid with { Id = Guid.NewGuid() };
        await fixture.PublishAsync(paid);
        await fixture.PublishAsync(redelivered);

        await Eventually.Until(async () => (await fixture.His.FhirAsync(HttpMethod.Get, "Invoice/inv-00002")).Body.GetProperty("status").GetString(),
            s => s == "balanced", Wait, "the invoice balanced at the HIS");
        await Eventually.Until(() => fixture.Database.ScalarAsync(
            $"SELECT count(*) FROM inbox_messages WHERE message_id IN ('{paid.Id}', '{redelivered.Id}')"), n => n == 2, Wait, "both deliveries consumed");
        await Eventually.Until(() => fixture.Database.ScalarAsync(
            $"SELECT count(*) FROM his_commands WHERE command_key = 'payment:{paid.PaymentId}' AND status = 'done'"), n => n == 1, Wait, "the command done");

        var notice = await SingleAsync($"PaymentNotice?identifier={PaymentSystem}|{paid.PaymentId}");
        Assert.Equal("Invoice/inv-00002", notice.GetProperty("request").GetProperty("reference").GetString());
        Assert.Equal(totalFen, Fen(notice.GetProperty("amount")));
        Assert.Equal("CNY", notice.GetProperty("amount").GetProperty("currency").GetString());
        Assert.Equal("Organization/org-jcsy", notice.GetProperty("recipient").GetProperty("reference").GetString());
        Assert.Equal("2026-12-06", notice.GetProperty("paymentDate").GetString());
        Assert.Equal("paid", notice.GetProperty("paymentStatus").GetProperty("coding")[0].GetProperty("code").GetString());
        var reconciliation = await SingleAsync($"PaymentReconciliation?identifier={PaymentSystem}|{paid.PaymentId}");
        Assert.Equal($"PaymentReconciliation/{reconciliation.GetProperty("id").GetString()}",
            notice.GetProperty("payment").GetProperty("reference").GetString());
        Assert.Equal(paid.TransactionId, reconciliation.GetProperty("paymentIdentifier").GetProperty("value").GetString());
        Assert.Equal("complete", reconciliation.GetProperty("outcome").GetString());
        Assert.Equal(totalFen, Fen(reconciliation.GetProperty("paymentAmount")));
        var (_, balanced) = await fixture.His.FhirAsync(HttpMethod.Get, "Invoice/inv-00002");
        Assert.Equal("已缴费", balanced.GetProperty("paymentTerms").GetString());
    }

    [Fact]
    [Trait("Rubric", "R39")]
    public async Task A_deposit_topped_up_on_the_platform_raises_the_his_account_as_the_deposits_read_shows()
    {
        var patientId = await LinkHisPatientAsync("pat-0011");
        var client = fixture.Client("integration");
        var before = (await client.GetFromJsonAsync<JsonElement>($"/api/his/patients/{patientId}/deposits"))
            .EnumerateArray().Single(d => d.GetProperty("id").GetString() == "acct-0001");
        Assert.Equal("active", before.GetProperty("status").GetString());
        Assert.Equal(before.GetProperty("depositTotalFen").GetInt64() - before.GetProperty("chargesTotalFen").GetInt64(),
            before.GetProperty("balanceFen").GetInt64());

        var topUp = new HisDepositPaidIntegrationEvent(Guid.NewGuid(), patientId, "acct-0001", 100_050, "4200002731202612061234500001",
            DateTimeOffset.UtcNow);
        await fixture.PublishAsync(topUp);
        await fixture.PublishAsync(topUp with { Id = Guid.NewGuid() });

        var after = await Eventually.Until(async () => (await client.GetFromJsonAsync<JsonElement>($"/api/his/patients/{patientId}/deposits"))
            .EnumerateArray().Single(d => d.GetProperty("id").GetString() == "acct-0001"),
            d => d.GetProperty("balanceFen").GetInt64() != before.GetProperty("balanceFen").GetInt64(), Wait, "the raised deposit");
        Assert.Equal(before.GetProperty("depositTotalFen").GetInt64() + 100_050, after.GetProperty("depositTotalFen").GetInt64());
        Assert.Equal(before.GetProperty("balanceFen").GetInt64() + 100_050, after.GetProperty("balanceFen").GetInt64());
        Assert.Equal(before.GetProperty("chargesTotalFen").GetInt64(), after.GetProperty("chargesTotalFen").GetInt64());
        var notice = await SingleAsync($"PaymentNotice?identifier={PaymentSystem}|{topUp.PaymentId}");
        Assert.Equal("Account/acct-0001", notice.GetProperty("request").GetProperty("reference").GetString());
        Assert.Equal(100_050, Fen(notice.GetProperty("amount")));
    }

    [Fact]
    [Trait("Rubric", "R39")]
    public async Task Payments_wait_out_a_his_outage_and_those_of_one_account_reach_it_in_order()
    {
        var (_, account) = await fixture.His.FhirAsync(HttpMethod.Get, "Account/acct-0002");
        var depositBefore = Fen(Extension(account, DepositTotal));
        var balanceBefore = Fen(Extension(account, DepositBalance));
        var first = new HisDepositPaidIntegrationEvent(Guid.NewGuid(), Guid.NewGuid(), "acct-0002", 50_000, "4200002731202612060000000011",
            DateTimeOffset.UtcNow);
        var second = first with { Id = Guid.NewGuid(), PaymentId = Guid.NewGuid(), AmountFen = 20_000, TransactionId = "4200002731202612060000000012" };
        await fixture.His.SimAsync("faults", new { failRate = 1, failStatus = 503 });
        try
        {
            await fixture.PublishAsync(first);
            await Eventually.Until(() => fixture.Database.ScalarAsync(
                    $"SELECT count(*) FROM his_commands WHERE command_key = 'payment:{first.PaymentId}' AND status = 'pending' AND attempts >= 2"),
                n => n == 1, Wait, "the first top-up retried");
            await fixture.PublishAsync(second);
            await Eventually.Until(() => fixture.Database.ScalarAsync($"SELECT count(*) FROM his_commands WHERE command_key = 'payment:{second.PaymentId}'"),
                n => n == 1, Wait, "the second top-up queued");
            Assert.Equal(0, await fixture.Database.ScalarAsync($"SELECT attempts FROM his_commands WHERE command_key = 'payment:{second.PaymentId}'"));
        }
        finally
        {
            await fixture.His.SimAsync("faults");
        }
        await Eventually.Until(() => fixture.Database.ScalarAsync(
                $"SELECT count(*) FROM his_commands WHERE command_key IN ('payment:{first.PaymentId}', 'payment:{second.PaymentId}') AND status = 'done'"),
            n => n == 2, Wait, "both top-ups recorded");
        var firstNotice = await SingleAsync($"PaymentNotice?identifier={PaymentSystem}|{first.PaymentId}");
        var secondNotice = await SingleAsync($"PaymentNotice?identifier={PaymentSystem}|{second.PaymentId}");
        Assert.True(string.CompareOrdinal(firstNotice.GetProperty("meta").GetProperty("lastUpdated").GetString(),
            secondNotice.GetProperty("meta").GetProperty("lastUpdated").GetString()) <= 0, "the first top-up reached the HIS first");
        var (_, raised) = await fixture.His.FhirAsync(HttpMethod.Get, "Account/acct-0002");
        Assert.Equal(depositBefore + 70_000, Fen(Extension(raised, DepositTotal)));
        Assert.Equal(balanceBefore + 70_000, Fen(Extension(raised, DepositBalance)));
    }

    [Fact]
    [Trait("Rubric", "R37")]
    public async Task A_payment_of_a_bill_the_his_does_not_have_fails_for_good_with_its_reason()
    {
        var unknown = new HisBillPaidIntegrationEvent(Guid.NewGuid(), Guid.NewGuid(), "inv-99999", 3500, "4200002731202612060000000001",
            DateTimeOffset.UtcNow);
        await fixture.PublishAsync(unknown);
        await Eventually.Until(() => fixture.Database.ScalarAsync(
            $"SELECT count(*) FROM his_commands WHERE command_key = 'payment:{unknown.PaymentId}' AND status = 'refused' " +
            "AND attempts = 1 AND last_error LIKE '%不存在%inv-99999%'"), n => n == 1, Wait, "the refused payment");

        // A different amount than the bill's is the HIS's refusal, in its own words.
        var (_, invoice) = await fixture.His.FhirAsync(HttpMethod.Get, "Invoice/inv-00001");
        var wrong = new HisBillPaidIntegrationEvent(Guid.NewGuid(), Guid.NewGuid(), "inv-00001", Fen(invoice.GetProperty("totalGross")) + 1,
            "4200002731202612060000000002", DateTimeOffset.UtcNow);
        await fixture.PublishAsync(wrong);
        await Eventually.Until(() => fixture.Database.ScalarAsync(
            $"SELECT count(*) FROM his_commands WHERE command_key = 'payment:{wrong.PaymentId}' AND status = 'refused' " +
            "AND attempts = 1 AND last_error LIKE '%不符%'"), n => n == 1, Wait, "the refused amount");
        Assert.Equal(0, (await fixture.His.FhirAsync(HttpMethod.Get, $"PaymentNotice?identifier={PaymentSystem}|{wrong.PaymentId}"))
            .Body.GetProperty("total").GetInt32());
    }

    [Fact]
    [Trait("Rubric", "R37")]
    public async Task Charges_carry_the_his_charge_code_that_says_their_category()
    {
        var patientId = await LinkHisPatientAsync("pat-0001");
        var charges = await fixture.Client("integration").GetFromJsonAsync<JsonElement>($"/api/his/patients/{patientId}/charges");
        var codes = charges.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToList();
        Assert.Contains("GH", codes);
        Assert.All(codes, code => Assert.Matches("^(GH|JY-|JC-|YP-|ZY-)", code));
        var unpaid = charges.GetProperty("invoices").EnumerateArray().Where(i => i.GetProperty("unpaid").GetBoolean()).ToList();
        Assert.NotEmpty(unpaid);
        Assert.All(unpaid, i => Assert.NotEmpty(i.GetProperty("chargeIds").EnumerateArray()));
    }

    [Fact]
    public async Task The_demo_account_patient_is_known_to_the_his_with_a_bill_to_pay_and_a_deposit_account()
    {
        var patientId = await LinkHisPatientAsync("pat-0151");
        var client = fixture.Client("integration");
        var charges = await client.GetFromJsonAsync<JsonElement>($"/api/his/patients/{patientId}/charges");
        Assert.True(charges.GetProperty("unpaidFen").GetInt64() > 0);
        var deposits = await client.GetFromJsonAsync<JsonElement>($"/api/his/patients/{patientId}/deposits");
        Assert.Contains(deposits.EnumerateArray(), d => d.GetProperty("status").GetString() == "active" && d.GetProperty("balanceFen").GetInt64() > 0);
    }

    private async Task<JsonElement> SingleAsync(string search)
    {
        var (_, page) = await fixture.His.FhirAsync(HttpMethod.Get, search);
        Assert.Equal(1, page.GetProperty("total").GetInt32());
        return page.GetProperty("entry")[0].GetProperty("resource");
    }

    private static JsonElement Extension(JsonElement resource, string url) =>
        resource.GetProperty("extension").EnumerateArray().Single(e => e.GetProperty("url").GetString() == url).GetProperty("valueMoney");

    private static long Fen(JsonElement money) => (long)Math.Round(money.GetProperty("value").GetDecimal() * 100m, MidpointRounding.AwayFromZero);
}
