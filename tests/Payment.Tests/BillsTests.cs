using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts.Identity;
using Platform.Testing;

namespace Payment.Tests;

/// <summary>门诊缴费 and 预交金 guard their input and their patients before anything reaches the HIS; with the HIS adapter
/// unreachable the patient is told so in Chinese and nothing is created. (Paying real HIS bills end to end is an
/// acceptance test: it needs the HIS adapter and the HIS simulator.)</summary>
public sealed class BillsTests(PaymentFixture fixture) : IClassFixture<PaymentFixture>
{
    private async Task<(HttpClient Client, Guid Account, Guid Patient)> LinkedAsync()
    {
        var (account, patient) = (Guid.NewGuid(), Guid.NewGuid());
        await fixture.PublishAsync(new PatientRegisteredIntegrationEvent(patient, account));
        await Eventually.Until(() => fixture.Database.ScalarAsync($"SELECT count(*) FROM patient_links WHERE account_id = '{account}'"),
            n => n == 1, TimeSpan.FromSeconds(20), "the patient link");
        return (fixture.PatientClient(account), account, patient);
    }

    [Fact]
    public async Task Another_accounts_patient_is_refused_before_the_HIS_is_asked()
    {
        var (client, _, _) = await LinkedAsync();
        var stranger = Guid.NewGuid();
        foreach (var response in new[]
                 {
                     await client.GetAsync($"/api/payment/bills?patientId={stranger}"),
                     await client.GetAsync($"/api/payment/deposits?patientId={stranger}"),
                     await client.PostAsJsonAsync("/api/payment/bills/inv-00001/order", new { patientId = stranger }),
                     await client.PostAsJsonAsync("/api/payment/deposits/acct-0001/top-up", new { patientId = stranger, amountFen = 100000 }),
                 })
        {
            Assert.Equal(403, (int)response.StatusCode);
            Assert.Equal("patient_not_linked", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        }
    }

    [Theory]
    [InlineData(0L, "充值金额应在1元至50000元之间")]
    [InlineData(5_000_001L, "充值金额应在1元至50000元之间")]
    [InlineData(null, "充值金额应在1元至50000元之间")]
    public async Task A_top_up_outside_the_allowed_amounts_is_refused_in_Chinese(long? fen, string message)
    {
        var (client, _, patient) = await LinkedAsync();
        var response = await client.PostAsJsonAsync("/api/payment/deposits/acct-0001/top-up", new { patientId = patient, amountFen = fen });
        Assert.Equal(400, (int)response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(message, problem.GetProperty("errors").GetProperty("amountFen")[0].GetString());
    }

    [Fact]
    public async Task A_malformed_bill_or_missing_patient_is_refused_and_creates_no_order()
    {
        var (client, _, patient) = await LinkedAsync();
        var badId = await client.PostAsJsonAsync("/api/payment/bills/inv%2F..%2Fx/order", new { patientId = patient });
        Assert.Equal(400, (int)badId.StatusCode);
        var noPatient = await client.PostAsJsonAsync("/api/payment/bills/inv-00001/order", new { });
        Assert.Contains("请选择就诊人", await noPatient.Content.ReadAsStringAsync());
        Assert.Equal(0, await fixture.Database.ScalarAsync("SELECT count(*) FROM payment_orders WHERE kind = 'outpatient'"));
    }

    [Fact]
    public async Task With_the_HIS_unreachable_the_patient_is_told_so_and_nothing_is_created()
    {
        var (client, _, patient) = await LinkedAsync();
        var bills = await client.GetAsync($"/api/payment/bills?patientId={patient}");
        Assert.Equal(503, (int)bills.StatusCode);
        Assert.Contains("暂时无法从医院获取费用信息", await bills.Content.ReadAsStringAsync());
        var order = await client.PostAsJsonAsync("/api/payment/bills/inv-00001/order", new { patientId = patient });
        Assert.Equal(503, (int)order.StatusCode);
        Assert.Equal(0, await fixture.Database.ScalarAsync("SELECT count(*) FROM payment_orders WHERE kind = 'outpatient'"));
    }
}
