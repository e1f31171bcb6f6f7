using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts.Payment;
using Platform.Testing;

namespace Payment.Tests;

/// <summary>医疗电子票据 (X03): issued for every payment by the e-invoice platform (its own process, HMAC-signed API),
/// reversed (冲红) for every refund, retried while the platform is down, raised for staff when it refuses.</summary>
public sealed class EInvoiceTests(PaymentFixture fixture) : IClassFixture<PaymentFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.EInvoice.Http.DeleteAsync("$sim/faults");

    public Task DisposeAsync() => fixture.EInvoice.Http.DeleteAsync("$sim/faults");

    private static Task<JsonElement> ReceiptAsync(PayingPatient patient, string status) =>
        patient.OrderAsync(o => o.TryGetProperty("eInvoice", out var e) && e.ValueKind == JsonValueKind.Object
                                && e.GetProperty("status").GetString() == status);

    [Fact]
    public async Task A_payment_gets_one_receipt_whose_PDF_the_payer_downloads_and_a_refund_reverses_it()
    {
        var patient = await PayingPatient.WithFeeAsync(fixture, 5000);
        await patient.PrepayAndPayAsync();
        var order = await ReceiptAsync(patient, "issued");
        var receipt = order.GetProperty("eInvoice");
        Assert.Equal(5000, receipt.GetProperty("amountFen").GetInt64());
        Assert.Matches("^[0-9]{10}$", receipt.GetProperty("invoiceNo").GetString());
        Assert.Matches("^[A-Z2-9]{6}$", receipt.GetProperty("checkCode").GetString());

        var atPlatform = await fixture.EInvoice.Http.GetFromJsonAsync<JsonElement>($"$sim/invoices?bizNo={order.GetProperty("id").GetGuid():N}");
        Assert.Single(atPlatform.EnumerateArray());

        var pdf = await patient.Client.GetAsync($"/api/payment/orders/{order.GetProperty("id")}/e-invoice/pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..4]));
        var stranger = await fixture.PatientClient(Guid.NewGuid()).GetAsync($"/api/payment/orders/{order.GetProperty("id")}/e-invoice/pdf");
        Assert.Equal(404, (int)stranger.StatusCode);

        await fixture.PublishAsync(new RefundRequestedIntegrationEvent(OrderKinds.Registration, patient.SourceId, null, "患者取消预约"));
        var reversed = await patient.OrderAsync(o => o.GetProperty("reversals").EnumerateArray().Any(r => r.GetProperty("status").GetString() == "issued"));
        var red = reversed.GetProperty("reversals")[0];
        Assert.Equal(5000, red.GetProperty("amountFen").GetInt64());
        Assert.Equal("已冲红", red.GetProperty("statusText").GetString());
    }

    [Fact]
    public async Task While_the_platform_is_down_the_receipt_waits_and_is_issued_when_it_returns()
    {
        await fixture.EInvoice.Http.PostAsJsonAsync("$sim/faults", new { down = true });
        var patient = await PayingPatient.WithFeeAsync(fixture, 1200);
        await patient.PrepayAndPayAsync();
        await ReceiptAsync(patient, "requested");
        await Eventually.Until(async () => (await fixture.EInvoice.Http.GetFromJsonAsync<JsonElement>("$sim/state"))
            .GetProperty("counters").GetProperty("refusedWhileDown").GetInt32(), n => n > 0, TimeSpan.FromSeconds(20), "an attempt while down");

        await fixture.EInvoice.Http.DeleteAsync("$sim/faults");
        await ReceiptAsync(patient, "issued");
    }

    [Fact]
    public async Task A_receipt_the_platform_refuses_is_raised_for_staff()
    {
        await fixture.EInvoice.Http.PostAsJsonAsync("$sim/faults", new { refuseNext = 1 });
        var patient = await PayingPatient.WithFeeAsync(fixture, 800);
        var outTradeNo = await patient.PrepayAndPayAsync();
        await ReceiptAsync(patient, "failed");
        var issues = await fixture.StaffClient().GetFromJsonAsync<JsonElement>("/api/payment/admin/issues?open=true");
        var issue = issues.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("outTradeNo").GetString() == outTradeNo);
        Assert.Equal("einvoice_failed", issue.GetProperty("kind").GetString());
        Assert.Contains("纳税人信息不完整", issue.GetProperty("detail").GetString());
    }
}
