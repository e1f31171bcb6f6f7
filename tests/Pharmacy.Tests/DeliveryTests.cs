using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Pharmacy.API.Application;
using Platform.Contracts.Payment;
using Platform.Testing;

namespace Pharmacy.Tests;

/// <summary>R33: drugs that may not travel are refused with the reason, the fee is asked of Payment, the pharmacist
/// releases, the courier simulator issues the waybill, and only genuine, fresh, forward courier callbacks move the order.</summary>
public sealed class DeliveryTests(PharmacyFixture f) : IClassFixture<PharmacyFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private static readonly object Home = new
    {
        recipient = "张三", phone = "13800000001", province = "湖北省", city = "江城市", district = "洪山区", addressLine = "珞喻路100号",
    };

    private async Task<(Guid Patient, HttpClient Client, JsonElement Prescriptions)> PatientWithAsync(params HisLine[] lines)
    {
        var patient = Guid.NewGuid();
        await f.PublishAsync(His.Snapshot(patient, [], lines.Select(l => His.Line(l.Id, l.Code, l.Name, l.Dose, l.Unit, 2)).ToArray()));
        var client = f.PatientClient(Guid.NewGuid(), patient);
        var list = await Eventually.Until(() => client.GetFromJsonAsync<JsonElement>($"/api/pharmacy/patients/{patient}/prescriptions"),
            p => p.GetArrayLength() == lines.Length, Wait, "prescriptions");
        return (patient, client, list);
    }

    public sealed record HisLine(string Id, string Code, string Name, decimal Dose, string Unit);

    private static Guid IdOf(JsonElement list, string hisId) =>
        list.EnumerateArray().Single(p => p.GetProperty("hisId").GetString() == hisId).GetProperty("id").GetGuid();

    [Fact]
    public async Task Narcotics_cold_chain_outside_its_area_and_addresses_outside_the_region_are_refused_with_the_reason()
    {
        var (patient, client, list) = await PatientWithAsync(
            new("m1", "YP2504", "吗啡缓释片", 30, "mg"), new("i1", "YP2203", "门冬胰岛素注射液", 8, "U"), new("o1", "YP0301", "奥美拉唑肠溶胶囊", 20, "mg"));
        Assert.False(list.EnumerateArray().Single(p => p.GetProperty("hisId").GetString() == "m1").GetProperty("deliverable").GetBoolean());

        var refused = await client.PostAsJsonAsync("/api/pharmacy/deliveries",
            new { patientId = patient, prescriptionIds = new[] { IdOf(list, "m1"), IdOf(list, "i1"), IdOf(list, "o1") }, address = Home });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("delivery_refused", problem.GetProperty("code").GetString());
        Assert.Contains("麻醉药品", problem.GetProperty("detail").GetString());
        Assert.Contains("冷链", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain("奥美拉唑", problem.GetProperty("detail").GetString());

        var far = await client.PostAsJsonAsync("/api/pharmacy/me/addresses", new
        {
            recipient = "张三", phone = "13800000001", province = "广东省", city = "广州市", district = "天河区", addressLine = "天河路1号",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, far.StatusCode);
        Assert.Equal("region_not_served", (await far.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_paid_and_released_delivery_follows_genuine_courier_callbacks_and_forged_replayed_or_late_ones_change_nothing()
    {
        var (patient, client, list) = await PatientWithAsync(new HisLine("o2", "YP0301", "奥美拉唑肠溶胶囊", 20, "mg"));
        var saved = await (await client.PostAsJsonAsync("/api/pharmacy/me/addresses", Home)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("138****0001", saved.GetProperty("phone").GetString());
        var created = await client.PostAsJsonAsync("/api/pharmacy/deliveries",
            new { patientId = patient, prescriptionIds = new[] { IdOf(list, "o2") }, addressId = saved.GetProperty("id").GetGuid() });
        created.EnsureSuccessStatusCode();
        var delivery = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = delivery.GetProperty("id").GetGuid();
        Assert.Equal("awaiting-payment", delivery.GetProperty("status").GetString());

        var asked = await f.Published.UntilAsync<PaymentRequestedIntegrationEvent>(e => e.OrderId == id, Wait);
        Assert.Equal(OrderKinds.Delivery, asked.OrderKind);
        Assert.Equal(1000, asked.AmountFen);
        var pharmacist = f.PharmacistClient();
        Assert.Equal(HttpStatusCode.Conflict, (await pharmacist.PostAsync($"/api/pharmacy/pharmacist/deliveries/{id}/release", null)).StatusCode);

        await f.PublishAsync(new PaymentSucceededIntegrationEvent(Guid.NewGuid(), patient, OrderKinds.Delivery, id, 1000, "药品配送费", DateTimeOffset.UtcNow));
        await Eventually.Until(() => StatusAsync(client, patient, id), s => s == "paid", Wait, "paid");
        (await pharmacist.PostAsync($"/api/pharmacy/pharmacist/deliveries/{id}/release", null)).EnsureSuccessStatusCode();
        var packed = await Eventually.Until(() => client.GetFromJsonAsync<JsonElement>($"/api/pharmacy/patients/{patient}/deliveries/{id}"),
            d => d.GetProperty("waybillNo").ValueKind == JsonValueKind.String, Wait, "waybill from the courier simulator");
        var waybill = packed.GetProperty("waybillNo").GetString()!;
        Assert.Equal("packed", packed.GetProperty("status").GetString());
        var atCourier = await f.Courier.Http.GetFromJsonAsync<JsonElement>($"$sim/waybills/{waybill}");
        Assert.Equal(id.ToString("N"), atCourier.GetProperty("orderId").GetString());
        Assert.Equal("13800000001", atCourier.GetProperty("receiver").GetProperty("phone").GetString());
        Assert.Equal("珞喻路100号", atCourier.GetProperty("receiver").GetProperty("address").GetString());
        foreach (var personal in new[] { "13800000001", "珞喻路100号", "张三" })
            Assert.Empty(await ClearTextScan.TablesContainingAsync(f.Database.ConnectionString, personal));

        var order = id.ToString("N");
        Assert.Equal(HttpStatusCode.OK, (await CallbackAsync(Event("e1", waybill, order, 1, "handed-over"))).StatusCode);
        Assert.Equal("handed-over", await StatusAsync(client, patient, id));

        // Forged: signed with another key.
        Assert.Equal(HttpStatusCode.Unauthorized, (await CallbackAsync(Event("e9", waybill, order, 9, "delivered"), secret: "forged")).StatusCode);
        // Stale: a genuine signature from ten minutes ago.
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await CallbackAsync(Event("e8", waybill, order, 8, "delivered"), at: f.Clock.GetUtcNow().AddMinutes(-10))).StatusCode);
        // Genuine, but for another order's id.
        Assert.Equal(HttpStatusCode.NotFound, (await CallbackAsync(Event("e7", waybill, Guid.NewGuid().ToString("N"), 7, "delivered"))).StatusCode);
        Assert.Equal("handed-over", await StatusAsync(client, patient, id));

        // Replayed: the very same request (same nonce) again.
        var body = Event("e2", waybill, order, 2, "in-transit", "已到达江城转运中心");
        var (timestamp, nonce) = (f.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(), Guid.NewGuid().ToString("N"));
        Assert.Equal(HttpStatusCode.OK, (await CallbackAsync(body, timestamp: timestamp, nonce: nonce)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await CallbackAsync(body, timestamp: timestamp, nonce: nonce)).StatusCode);
        // Re-delivered with a new nonce: applied once only.
        var again = await (await CallbackAsync(body)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(again.GetProperty("applied").GetBoolean());

        // Out of order: delivered (4) overtakes the last in-transit (3), which must not move it back.
        (await CallbackAsync(Event("e4", waybill, order, 4, "delivered", "本人签收"))).EnsureSuccessStatusCode();
        (await CallbackAsync(Event("e3", waybill, order, 3, "in-transit", "派送中"))).EnsureSuccessStatusCode();
        var done = await client.GetFromJsonAsync<JsonElement>($"/api/pharmacy/patients/{patient}/deliveries/{id}");
        Assert.Equal("delivered", done.GetProperty("status").GetString());
        var steps = done.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("status").GetString()).ToList();
        Assert.Equal(1, steps.Count(s => s == "delivered"));
        Assert.Equal(2, steps.Count(s => s == "in-transit"));
        Assert.Equal("delivered", steps[^1]);
    }

    [Fact]
    public async Task An_unpaid_order_is_cancelled_by_the_patient_or_when_its_time_runs_out_and_its_drugs_may_be_ordered_again()
    {
        var (patient, client, list) = await PatientWithAsync(new HisLine("c1", "YP0301", "奥美拉唑肠溶胶囊", 20, "mg"));
        var drugs = new[] { IdOf(list, "c1") };
        var first = await CreateAsync(client, patient, drugs);

        var cancelled = await client.PostAsync($"/api/pharmacy/patients/{patient}/deliveries/{first}/cancel", null);
        Assert.Equal("cancelled", (await cancelled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(OrderKinds.Delivery, (await f.Published.UntilAsync<PaymentWithdrawnIntegrationEvent>(e => e.OrderId == first, Wait)).OrderKind);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"/api/pharmacy/patients/{patient}/deliveries/{first}/cancel", null)).StatusCode);

        var second = await CreateAsync(client, patient, drugs);
        // Only for this step: the courier simulator checks signatures against the real time.
        f.Clock.Advance(TimeSpan.FromMinutes(31));
        try
        {
            f.Service.Services.GetRequiredService<UnpaidDeliverySignal>().Nudge();
            await Eventually.Until(() => StatusAsync(client, patient, second), s => s == "cancelled", Wait, "lapsed order cancelled");
            // Still on the moved clock: the outbox dispatches what is due by the service's own clock.
            await f.Published.UntilAsync<PaymentWithdrawnIntegrationEvent>(e => e.OrderId == second, Wait);
        }
        finally
        {
            f.Clock.Advance(TimeSpan.FromMinutes(-31));
        }

        // A payment that arrives after the order lapsed does not revive it (Payment refunds money for a withdrawn order).
        const string handledPayments = "SELECT count(*) FROM inbox_messages WHERE consumer = 'PaymentSucceededConsumer'";
        var handled = await f.Database.ScalarAsync(handledPayments);
        await f.PublishAsync(new PaymentSucceededIntegrationEvent(Guid.NewGuid(), patient, OrderKinds.Delivery, second, 1000, "药品配送费", DateTimeOffset.UtcNow));
        await Eventually.Until(() => f.Database.ScalarAsync(handledPayments), n => n > handled, Wait, "the late payment handled");
        var third = await CreateAsync(client, patient, drugs);
        Assert.Equal("awaiting-payment", await StatusAsync(client, patient, third));
        Assert.Equal("cancelled", await StatusAsync(client, patient, second));
    }

    [Fact]
    public async Task A_lost_parcels_fee_is_refunded()
    {
        var (patient, client, list) = await PatientWithAsync(new HisLine("l1", "YP0301", "奥美拉唑肠溶胶囊", 20, "mg"));
        var id = await CreateAsync(client, patient, [IdOf(list, "l1")]);
        await f.PublishAsync(new PaymentSucceededIntegrationEvent(Guid.NewGuid(), patient, OrderKinds.Delivery, id, 1000, "药品配送费", DateTimeOffset.UtcNow));
        await Eventually.Until(() => StatusAsync(client, patient, id), s => s == "paid", Wait, "paid");
        (await f.PharmacistClient().PostAsync($"/api/pharmacy/pharmacist/deliveries/{id}/release", null)).EnsureSuccessStatusCode();
        var waybill = (await Eventually.Until(() => client.GetFromJsonAsync<JsonElement>($"/api/pharmacy/patients/{patient}/deliveries/{id}"),
            d => d.GetProperty("waybillNo").ValueKind == JsonValueKind.String, Wait, "waybill")).GetProperty("waybillNo").GetString()!;

        (await CallbackAsync(Event("x1", waybill, id.ToString("N"), 1, "lost", "运输途中包裹丢失"))).EnsureSuccessStatusCode();

        var refund = await f.Published.UntilAsync<RefundRequestedIntegrationEvent>(e => e.OrderId == id, Wait);
        Assert.Equal(OrderKinds.Delivery, refund.OrderKind);
        Assert.Null(refund.AmountFen);
        Assert.Equal("lost", await StatusAsync(client, patient, id));
    }

    private static async Task<Guid> CreateAsync(HttpClient client, Guid patient, Guid[] prescriptions)
    {
        var created = await client.PostAsJsonAsync("/api/pharmacy/deliveries", new { patientId = patient, prescriptionIds = prescriptions, address = Home });
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task Addresses_and_orders_stored_in_clear_by_an_earlier_version_are_sealed_at_start_up_and_still_read()
    {
        await using var legacy = await TestDatabase.CreateAsync("pharmacy_legacy");
        var (account, address, order) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await using (var db = MigrationTests.CreateContext(legacy.ConnectionString))
            await db.GetService<IMigrator>().MigrateAsync("20261207021221_Initial");
        await legacy.ExecuteAsync($$"""
            INSERT INTO delivery_addresses (id, account_id, recipient, phone, province, city, district, address_line, created_at)
            VALUES ('{{address}}', '{{account}}', '王五', '13900000009', '湖北省', '江城市', '洪山区', '老地址路9号', now());
            INSERT INTO delivery_orders (id, account_id, patient_id, prescription_ids, drug_names, cold_chain, recipient, phone, province,
                city, district, address_line, fee_fen, status, courier_sequence, created_at, pay_by, waybill_attempts)
            VALUES ('{{order}}', '{{account}}', '{{Guid.NewGuid()}}', '{}', '{}', false, '王五', '13900000009', '湖北省', '江城市', '洪山区',
                '老地址路9号', 1000, 'cancelled', 0, now(), now(), 0);
            """);

        await using var service = f.ServiceOn(legacy);
        var addresses = await f.PatientClient(service, account).GetFromJsonAsync<JsonElement>("/api/pharmacy/me/addresses");

        var read = addresses.EnumerateArray().Single();
        Assert.Equal("王五", read.GetProperty("recipient").GetString());
        Assert.Equal("139****0009", read.GetProperty("phone").GetString());
        Assert.Equal("老地址路9号", read.GetProperty("addressLine").GetString());
        foreach (var personal in new[] { "13900000009", "老地址路9号", "王五" })
            Assert.Empty(await ClearTextScan.TablesContainingAsync(legacy.ConnectionString, personal));
        Assert.Equal(0, await legacy.ScalarAsync("SELECT count(*) FROM information_schema.columns WHERE column_name LIKE 'legacy_%'"));
    }

    private static async Task<string?> StatusAsync(HttpClient client, Guid patient, Guid id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/pharmacy/patients/{patient}/deliveries/{id}")).GetProperty("status").GetString();

    private string Event(string eventId, string waybill, string orderId, int sequence, string status, string? note = null) =>
        JsonSerializer.Serialize(new { eventId = $"{waybill}-{eventId}", waybillNo = waybill, orderId, sequence, status, at = f.Clock.GetUtcNow().AddSeconds(sequence), note });

    private async Task<HttpResponseMessage> CallbackAsync(string body, string secret = PharmacyFixture.CourierSecret, DateTimeOffset? at = null,
        string? timestamp = null, string? nonce = null)
    {
        timestamp ??= (at ?? f.Clock.GetUtcNow()).ToUnixTimeSeconds().ToString();
        nonce ??= Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Post, CourierCallbacks.Path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-App-Id", "jcsy-pharmacy");
        request.Headers.Add("X-Timestamp", timestamp);
        request.Headers.Add("X-Nonce", nonce);
        request.Headers.Add("X-Signature", CourierSignature.Sign(secret, "POST", CourierCallbacks.Path, timestamp, nonce, body));
        return await f.Anonymous().SendAsync(request);
    }
}
