using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Platform.Testing;

namespace Payment.Tests;

/// <summary>The daily comparison with WeChat Pay's trade bill: every difference reaches staff.</summary>
public sealed class ReconciliationTests(PaymentFixture fixture) : IClassFixture<PaymentFixture>
{
    private static DateOnly ShanghaiToday => DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);

    [Fact]
    public async Task A_payment_only_WeChat_Pay_knows_and_one_only_we_know_are_both_reported()
    {
        var yesterday = ShanghaiToday.AddDays(-1);
        var theirsOnly = Guid.NewGuid().ToString("N");
        var injected = await fixture.WeChatPay.Http.PostAsJsonAsync("$sim/bill/inject", new
        {
            date = yesterday.ToString("yyyy-MM-dd"),
            rows = new[] { new { out_trade_no = theirsOnly, amount = 1200, time = $"{yesterday:yyyy-MM-dd} 10:00:00" } },
        });
        Assert.True(injected.IsSuccessStatusCode, await injected.Content.ReadAsStringAsync());
        // A payment we credited yesterday that the bill lacks (moved back a day in our books).
        var patient = await PayingPatient.WithFeeAsync(fixture, 3300);
        var oursOnly = await patient.PrepayAndPayAsync();
        await patient.UntilStatusAsync("paid");
        await using (var db = new NpgsqlConnection(fixture.Database.ConnectionString))
        {
            await db.OpenAsync();
            await using var move = new NpgsqlCommand("UPDATE payment_orders SET paid_at = paid_at - interval '1 day' WHERE out_trade_no = @no", db);
            move.Parameters.AddWithValue("no", oursOnly);
            Assert.Equal(1, await move.ExecuteNonQueryAsync());
        }

        var staff = fixture.StaffClient();
        var response = await staff.PostAsJsonAsync("/api/payment/admin/reconciliations", new { billDate = yesterday });
        var run = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, run.ToString());
        Assert.Equal("differences", run.GetProperty("status").GetString());
        Assert.Equal(2, run.GetProperty("differences").GetInt32());
        Assert.Equal(1200, run.GetProperty("theirTotalFen").GetInt64());
        Assert.Equal(3300, run.GetProperty("ourTotalFen").GetInt64());

        var issues = (await staff.GetFromJsonAsync<JsonElement>("/api/payment/admin/issues?open=true")).GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("kind").GetString() == "reconciliation").ToList();
        Assert.Contains(issues, i => i.GetProperty("detail").GetString()!.Contains(theirsOnly) && i.GetProperty("detail").GetString()!.Contains("本平台没有记录"));
        Assert.Contains(issues, i => i.GetProperty("detail").GetString()!.Contains(oursOnly) && i.GetProperty("detail").GetString()!.Contains("微信支付账单没有"));

        // Run again: the same differences, not raised twice.
        await staff.PostAsJsonAsync("/api/payment/admin/reconciliations", new { billDate = yesterday });
        var again = (await staff.GetFromJsonAsync<JsonElement>("/api/payment/admin/issues?open=true")).GetProperty("items").EnumerateArray()
            .Count(i => i.GetProperty("kind").GetString() == "reconciliation");
        Assert.Equal(issues.Count, again);
        var runs = await staff.GetFromJsonAsync<JsonElement>("/api/payment/admin/reconciliations");
        Assert.Single(runs.GetProperty("items").EnumerateArray(), r => r.GetProperty("billDate").GetString() == yesterday.ToString("yyyy-MM-dd"));
    }

    [Fact]
    public async Task Today_or_no_date_is_refused_in_Chinese_and_changes_nothing()
    {
        var staff = fixture.StaffClient();
        var none = await staff.PostAsJsonAsync("/api/payment/admin/reconciliations", new { });
        Assert.Equal(400, (int)none.StatusCode);
        Assert.Contains("请选择对账日期", await none.Content.ReadAsStringAsync());
        var today = await staff.PostAsJsonAsync("/api/payment/admin/reconciliations", new { billDate = ShanghaiToday });
        Assert.Equal(400, (int)today.StatusCode);
        Assert.Contains("只能对今天以前的账单对账", await today.Content.ReadAsStringAsync());
        Assert.Equal(0, await fixture.Database.ScalarAsync($"SELECT count(*) FROM reconciliation_runs WHERE bill_date >= '{ShanghaiToday:yyyy-MM-dd}'"));
        var patient = fixture.PatientClient(Guid.NewGuid());
        Assert.Equal(403, (int)(await patient.GetAsync("/api/payment/admin/orders")).StatusCode);
    }
}
