using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts.Payment;
using Platform.Testing;

namespace Payment.Tests;

/// <summary>A registration fee asked for by "Scheduling" (published on the bus as Scheduling does), and the patient's
/// side of paying it.</summary>
public sealed record PayingPatient(PaymentFixture Fixture, Guid AccountId, Guid PatientId, Guid SourceId, long AmountFen)
{
    public HttpClient Client { get; } = Fixture.PatientClient(AccountId);

    public static async Task<PayingPatient> WithFeeAsync(PaymentFixture fixture, long fen = 5000, TimeSpan? payWithin = null)
    {
        var patient = new PayingPatient(fixture, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), fen);
        await fixture.PublishAsync(new PaymentRequestedIntegrationEvent(OrderKinds.Registration, patient.SourceId, patient.AccountId,
            patient.PatientId, fen, "挂号费 心血管内科 王医生", DateTimeOffset.UtcNow + (payWithin ?? TimeSpan.FromMinutes(15))));
        await patient.OrderAsync();
        return patient;
    }

    /// <summary>The account's order for the fee, once the request event has made it.</summary>
    public Task<JsonElement> OrderAsync(Func<JsonElement, bool>? until = null) =>
        Eventually.Until(async () =>
        {
            var list = await Client.GetFromJsonAsync<JsonElement>($"/api/payment/orders?sourceId={SourceId}");
            return list.GetProperty("items").EnumerateArray().FirstOrDefault();
        }, o => o.ValueKind == JsonValueKind.Object && (until?.Invoke(o) ?? true), TimeSpan.FromSeconds(30), "the order");

    public async Task<string> OutTradeNoAsync() =>
        (await Fixture.StaffClient().GetFromJsonAsync<JsonElement>($"/api/payment/admin/orders?q={(await OrderAsync()).GetProperty("id")}"))
        .GetProperty("items")[0].GetProperty("outTradeNo").GetString()!;

    public async Task<JsonElement> PayAsync()
    {
        var order = await OrderAsync();
        var response = await Client.PostAsync($"/api/payment/orders/{order.GetProperty("id")}/pay", null);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Prepays, then pays at the simulator as the patient's phone would.</summary>
    public async Task<string> PrepayAndPayAsync()
    {
        await PayAsync();
        var outTradeNo = await OutTradeNoAsync();
        var paid = await Fixture.WeChatPay.Http.PostAsJsonAsync("$sim/pay", new { out_trade_no = outTradeNo });
        Assert.True(paid.IsSuccessStatusCode, await paid.Content.ReadAsStringAsync());
        return outTradeNo;
    }

    public Task<JsonElement> UntilStatusAsync(string status) => OrderAsync(o => o.GetProperty("status").GetString() == status);
}
