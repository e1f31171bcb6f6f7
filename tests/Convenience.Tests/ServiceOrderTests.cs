using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts.Convenience;
using Platform.Contracts.Identity;
using Platform.Contracts.Inpatient;
using Platform.Contracts.Payment;
using Platform.Testing;

namespace Convenience.Tests;

/// <summary>R24 and R38: the catalogue's rules, booking for oneself or an authorised family member, paying through
/// Payment, the provider's fulfilment, refunds when the service cannot be given, and stock never oversold.</summary>
public sealed class ServiceOrderTests(ConvenienceFixture f) : IClassFixture<ConvenienceFixture>
{
    private static readonly object Home = new { name = "张三", phone = "13800000001", district = "洪山区", address = "珞喻路100号3栋502室" };

    private static string Tomorrow(ConvenienceFixture f) => DateOnly.FromDateTime(f.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime)
        .AddDays(1).ToString("yyyy-MM-dd");

    private async Task<string> StatusAsync(HttpClient client, Guid patient, Guid id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/convenience/patients/{patient}/orders/{id}")).GetProperty("status").GetString()!;

    [Theory]
    [InlineData(int.MinValue)]
    [InlineData(10_001)]
    public async Task A_stock_change_out_of_range_is_refused_and_the_stock_stays(int delta)
    {
        var item = await f.StaffItemAsync("wheelchair");
        var response = await f.StaffClient().PostAsJsonAsync($"/api/convenience/staff/items/{item.GetProperty("id").GetGuid()}/stock", new { delta });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("validation_failed", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(item.GetProperty("stock").GetInt32(), (await f.StaffItemAsync("wheelchair")).GetProperty("stock").GetInt32());
    }

    [Fact]
    public async Task The_catalogue_lists_every_service_with_its_rules_without_signing_in()
    {
        var items = await f.Anonymous().GetFromJsonAsync<JsonElement>("/api/convenience/items");
        var codes = items.EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToList();
        Assert.Equal(["caregiver", "decoction", "film-mail", "interpreter", "meal", "parking", "phone-charging", "record-copy", "wheelchair"],
            codes.Order().ToList());
        var meal = await f.ItemAsync("meal");
        Assert.True(meal.GetProperty("inpatientOnly").GetBoolean());
        Assert.Equal(3, meal.GetProperty("windows").GetArrayLength());
        Assert.True((await f.ItemAsync("record-copy")).GetProperty("needsAddress").GetBoolean());
        Assert.Contains("身份证", (await f.ItemAsync("record-copy")).GetProperty("mustShow").GetString());
    }

    [Fact]
    public async Task A_wheelchair_is_booked_paid_handed_out_and_returned_to_stock()
    {
        var patient = Guid.NewGuid();
        var client = f.PatientClient(Guid.NewGuid(), patient);
        var stockBefore = (await f.StaffItemAsync("wheelchair")).GetProperty("stock").GetInt32();
        var created = await client.PostAsJsonAsync("/api/convenience/orders", new { patientId = patient, itemCode = "wheelchair", acknowledgedMustShow = true });
        created.EnsureSuccessStatusCode();
        var order = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = order.GetProperty("id").GetGuid();
        Assert.Equal("awaiting-payment", order.GetProperty("status").GetString());
        Assert.Equal(stockBefore - 1, (await f.StaffItemAsync("wheelchair")).GetProperty("stock").GetInt32());

        var asked = await f.Published.UntilAsync<PaymentRequestedIntegrationEvent>(e => e.OrderId == id, ConvenienceFixture.Wait);
        Assert.Equal(OrderKinds.Convenience, asked.OrderKind);
        Assert.Equal(1000, asked.AmountFen);
        Assert.Equal(patient, asked.PatientId);

        var staff = f.StaffClient();
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsJsonAsync($"/api/convenience/staff/orders/{id}/accept", new { })).StatusCode);
        await f.PayAsync(patient, OrderKinds.Convenience, id, 1000);
        await Eventually.Until(() => StatusAsync(client, patient, id), s => s == "paid", ConvenienceFixture.Wait, "paid");

        var inbox = await staff.GetFromJsonAsync<JsonElement>("/api/convenience/staff/orders?provider=service-centre");
        Assert.Contains(inbox.EnumerateArray(), o => o.GetProperty("id").GetGuid() == id);
        (await staff.PostAsJsonAsync($"/api/convenience/staff/orders/{id}/accept", new { note = "已在一楼服务中心交付轮椅" })).EnsureSuccessStatusCode();
        (await staff.PostAsJsonAsync($"/api/convenience/staff/orders/{id}/complete", new { note = "轮椅已归还" })).EnsureSuccessStatusCode();
        var done = await client.GetFromJsonAsync<JsonElement>($"/api/convenience/patients/{patient}/orders/{id}");
        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.Equal(["awaiting-payment", "paid", "accepted", "completed"],
            done.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("status").GetString()).ToList());
        Assert.Equal(stockBefore, (await f.StaffItemAsync("wheelchair")).GetProperty("stock").GetInt32());
        await f.Published.UntilAsync<ServiceOrderStatusChangedIntegrationEvent>(e => e.OrderId == id && e.Status == "completed", ConvenienceFixture.Wait);
    }

    [Fact]
    public async Task Concurrent_orders_never_take_more_than_the_stock_and_the_refused_ones_are_never_charged()
    {
        var staff = f.StaffClient();
        var item = await f.StaffItemAsync("phone-charging");
        var reduce = await staff.PostAsJsonAsync($"/api/convenience/staff/items/{item.GetProperty("id").GetGuid()}/stock",
            new { delta = 3 - item.GetProperty("stock").GetInt32() });
        reduce.EnsureSuccessStatusCode();
        Assert.Equal(3, (await reduce.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("stock").GetInt32());

        var patients = Enumerable.Range(0, 12).Select(_ => Guid.NewGuid()).ToList();
        var answers = await Task.WhenAll(patients.Select(p =>
            f.PatientClient(Guid.NewGuid(), p).PostAsJsonAsync("/api/convenience/orders", new { patientId = p, itemCode = "phone-charging" })));
        Assert.Equal(3, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        var refused = answers.Where(a => a.StatusCode != HttpStatusCode.OK).ToList();
        Assert.Equal(9, refused.Count);
        foreach (var r in refused)
        {
            Assert.Equal(HttpStatusCode.Conflict, r.StatusCode);
            var problem = await r.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("out_of_stock", problem.GetProperty("code").GetString());
            Assert.Contains("暂无库存", problem.GetProperty("detail").GetString());
        }
        Assert.Equal(0, (await f.StaffItemAsync("phone-charging")).GetProperty("stock").GetInt32());
        var accepted = await Task.WhenAll(answers.Where(a => a.IsSuccessStatusCode).Select(a => a.Content.ReadFromJsonAsync<JsonElement>()));
        var ids = accepted.Select(o => o.GetProperty("id").GetGuid()).ToHashSet();
        foreach (var id in ids) await f.Published.UntilAsync<PaymentRequestedIntegrationEvent>(e => e.OrderId == id, ConvenienceFixture.Wait);
        var charged = f.Published.Of<PaymentRequestedIntegrationEvent>().Where(e => patients.Contains(e.PatientId)).ToList();
        Assert.Equal(3, charged.Count);
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsJsonAsync($"/api/convenience/staff/items/{item.GetProperty("id").GetGuid()}/stock",
            new { delta = -1 })).StatusCode);
    }

    [Fact]
    public async Task A_time_window_takes_exactly_its_daily_capacity_even_when_booked_at_once()
    {
        var interpreter = await f.ItemAsync("interpreter", Tomorrow(f));
        var window = interpreter.GetProperty("windows")[0];
        Assert.Equal(4, window.GetProperty("capacityPerDay").GetInt32());
        var patients = Enumerable.Range(0, 7).Select(_ => Guid.NewGuid()).ToList();
        var answers = await Task.WhenAll(patients.Select(p => f.PatientClient(Guid.NewGuid(), p).PostAsJsonAsync("/api/convenience/orders",
            new { patientId = p, itemCode = "interpreter", date = Tomorrow(f), windowId = window.GetProperty("id").GetGuid(), note = "英语" })));
        Assert.Equal(4, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.OK))
            Assert.Equal("window_full", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var after = (await f.ItemAsync("interpreter", Tomorrow(f))).GetProperty("windows")[0];
        Assert.Equal(0, after.GetProperty("left").GetInt32());
        // Free: nothing asked of Payment, the orders wait for the volunteers at once.
        var accepted = await Task.WhenAll(answers.Where(a => a.IsSuccessStatusCode).Select(a => a.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.All(accepted, o => Assert.Equal("paid", o.GetProperty("status").GetString()));
        var inbox = await f.StaffClient().GetFromJsonAsync<JsonElement>("/api/convenience/staff/orders?provider=volunteers");
        Assert.Equal(4, inbox.EnumerateArray().Count());
    }

    [Fact]
    public async Task Bad_input_gets_clear_errors_and_asks_for_no_money()
    {
        var patient = Guid.NewGuid();
        var client = f.PatientClient(Guid.NewGuid(), patient);
        async Task<JsonElement> Refused(object body, HttpStatusCode status)
        {
            var answer = await client.PostAsJsonAsync("/api/convenience/orders", body);
            Assert.Equal(status, answer.StatusCode);
            return await answer.Content.ReadFromJsonAsync<JsonElement>();
        }
        Assert.Equal("item_unknown", (await Refused(new { patientId = patient, itemCode = "spaceship" }, HttpStatusCode.NotFound)).GetProperty("code").GetString());
        var noAck = await Refused(new { patientId = patient, itemCode = "wheelchair" }, HttpStatusCode.BadRequest);
        Assert.True(noAck.GetProperty("errors").TryGetProperty("acknowledgedMustShow", out _));
        var tooMany = await Refused(new { patientId = patient, itemCode = "record-copy", quantity = 9, acknowledgedMustShow = true, contact = Home },
            HttpStatusCode.BadRequest);
        Assert.True(tooMany.GetProperty("errors").TryGetProperty("quantity", out _));
        var noAddress = await Refused(new { patientId = patient, itemCode = "record-copy", acknowledgedMustShow = true,
            contact = new { name = "张三", phone = "123", district = "洪山区", address = "" } }, HttpStatusCode.BadRequest);
        Assert.True(noAddress.GetProperty("errors").TryGetProperty("contact.phone", out _));
        Assert.True(noAddress.GetProperty("errors").TryGetProperty("contact.address", out _));
        var parking = await f.ItemAsync("parking");
        var noWindow = await Refused(new { patientId = patient, itemCode = "parking", acknowledgedMustShow = true }, HttpStatusCode.BadRequest);
        Assert.True(noWindow.GetProperty("errors").TryGetProperty("date", out _));
        var past = await Refused(new { patientId = patient, itemCode = "parking", acknowledgedMustShow = true, date = "2020-01-01",
            windowId = parking.GetProperty("windows")[0].GetProperty("id").GetGuid() }, HttpStatusCode.BadRequest);
        Assert.Contains("14天", past.GetProperty("errors").GetProperty("date")[0].GetString());
        Assert.Equal("not_inpatient", (await Refused(new { patientId = patient, itemCode = "meal", date = Tomorrow(f),
            windowId = (await f.ItemAsync("meal")).GetProperty("windows")[0].GetProperty("id").GetGuid() }, (HttpStatusCode)422)).GetProperty("code").GetString());
        // Someone else's patient: not found, whatever the body.
        var stranger = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/api/convenience/orders",
            new { patientId = stranger, itemCode = "wheelchair", acknowledgedMustShow = true })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/convenience/patients/{stranger}/orders")).StatusCode);

        Assert.Empty((await client.GetFromJsonAsync<JsonElement>($"/api/convenience/patients/{patient}/orders")).EnumerateArray());
        Assert.DoesNotContain(f.Published.Of<PaymentRequestedIntegrationEvent>(), e => e.PatientId == patient || e.PatientId == stranger);
    }

    [Fact]
    public async Task An_authorised_family_member_orders_a_meal_to_the_inpatients_bed_within_the_windows_capacity()
    {
        var patient = Guid.NewGuid();
        var family = Guid.NewGuid();
        // The family account's token predates the link: Identity's announcement is what authorises it.
        var client = f.PatientClient(family);
        var meal = await f.ItemAsync("meal");
        var window = meal.GetProperty("windows")[1].GetProperty("id").GetGuid();
        var body = new { patientId = patient, itemCode = "meal", quantity = 2, date = Tomorrow(f), windowId = window, note = "少盐" };
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/api/convenience/orders", body)).StatusCode);

        await f.PublishAsync(new PatientRegisteredIntegrationEvent(patient, family));
        await f.PublishAsync(new PatientAdmittedIntegrationEvent(patient, "enc-9", "心内科一病区", "12", DateTimeOffset.UtcNow.AddDays(-1)));
        var created = await Eventually.Until(() => client.PostAsJsonAsync("/api/convenience/orders", body), r => r.StatusCode == HttpStatusCode.OK,
            ConvenienceFixture.Wait, "family member may order once linked and the patient is admitted");
        var order = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("心内科一病区 12床", order.GetProperty("location").GetString());
        Assert.Equal(5000, order.GetProperty("amountFen").GetInt64());
        Assert.Equal("11:00-12:00", order.GetProperty("windowText").GetString());
        var left = (await f.ItemAsync("meal", Tomorrow(f))).GetProperty("windows")[1].GetProperty("left").GetInt32();
        Assert.Equal(298, left);
    }

    [Fact]
    public async Task A_record_copy_is_mailed_and_tracked_with_the_address_encrypted_at_rest_and_masked_in_answers()
    {
        var patient = Guid.NewGuid();
        var client = f.PatientClient(Guid.NewGuid(), patient);
        var created = await client.PostAsJsonAsync("/api/convenience/orders",
            new { patientId = patient, itemCode = "record-copy", quantity = 2, acknowledgedMustShow = true, contact = Home });
        created.EnsureSuccessStatusCode();
        var order = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = order.GetProperty("id").GetGuid();
        Assert.Equal("张*", order.GetProperty("contact").GetProperty("name").GetString());
        Assert.Equal("138****0001", order.GetProperty("contact").GetProperty("phone").GetString());
        Assert.DoesNotContain("502", order.GetProperty("contact").GetProperty("address").GetString());
        Assert.Empty(await ClearTextScan.TablesContainingAsync(f.Database.ConnectionString, "13800000001"));
        Assert.Empty(await ClearTextScan.TablesContainingAsync(f.Database.ConnectionString, "珞喻路100号"));

        await f.PayAsync(patient, OrderKinds.Convenience, id, 4000);
        await Eventually.Until(() => StatusAsync(client, patient, id), s => s == "paid", ConvenienceFixture.Wait, "paid");
        var office = f.StaffClient("病案室李老师");
        var inbox = await office.GetFromJsonAsync<JsonElement>("/api/convenience/staff/orders?provider=record-office");
        Assert.Contains(inbox.EnumerateArray(), o => o.GetProperty("id").GetGuid() == id);
        var contact = await office.GetFromJsonAsync<JsonElement>($"/api/convenience/staff/orders/{id}/contact");
        Assert.Equal("13800000001", contact.GetProperty("phone").GetString());
        Assert.Equal("珞喻路100号3栋502室", contact.GetProperty("address").GetString());
        (await office.PostAsJsonAsync($"/api/convenience/staff/orders/{id}/accept", new { })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.BadRequest, (await office.PostAsJsonAsync($"/api/convenience/staff/orders/{id}/ship", new { trackingNo = "" })).StatusCode);
        (await office.PostAsJsonAsync($"/api/convenience/staff/orders/{id}/ship", new { trackingNo = "SF1234567890" })).EnsureSuccessStatusCode();
        var shipped = await client.GetFromJsonAsync<JsonElement>($"/api/convenience/patients/{patient}/orders/{id}");
        Assert.Equal("shipped", shipped.GetProperty("status").GetString());
        Assert.Equal("SF1234567890", shipped.GetProperty("trackingNo").GetString());
        Assert.False(shipped.GetProperty("cancellable").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"/api/convenience/patients/{patient}/orders/{id}/cancel", null)).StatusCode);
        var news = await f.Published.UntilAsync<ServiceOrderStatusChangedIntegrationEvent>(e => e.OrderId == id && e.Status == "shipped", ConvenienceFixture.Wait);
        Assert.DoesNotContain("13800000001", JsonSerializer.Serialize(news));
    }

    [Fact]
    public async Task A_caregiver_that_cannot_be_provided_is_refunded_in_full_and_its_place_given_back()
    {
        var patient = Guid.NewGuid();
        var client = f.PatientClient(Guid.NewGuid(), patient);
        await f.PublishAsync(new PatientAdmittedIntegrationEvent(patient, "enc-7", "骨科病区", "3", DateTimeOffset.UtcNow.AddDays(-2)));
        var caregiver = await f.ItemAsync("caregiver", Tomorrow(f));
        var window = caregiver.GetProperty("windows")[0];
        var body = new { patientId = patient, itemCode = "caregiver", date = Tomorrow(f), windowId = window.GetProperty("id").GetGuid(), acknowledgedMustShow = true };
        var created = await Eventually.Until(() => client.PostAsJsonAsync("/api/convenience/orders", body), r => r.StatusCode == HttpStatusCode.OK,
            ConvenienceFixture.Wait, "admitted");
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(window.GetProperty("left").GetInt32() - 1,
            (await f.ItemAsync("caregiver", Tomorrow(f))).GetProperty("windows")[0].GetProperty("left").GetInt32());
        await f.PayAsync(patient, OrderKinds.Convenience, id, 26000);
        await Eventually.Until(() => StatusAsync(client, patient, id), s => s == "paid", ConvenienceFixture.Wait, "paid");

        var company = f.StaffClient("护工公司调度");
        Assert.Equal(HttpStatusCode.BadRequest, (await company.PostAsJsonAsync($"/api/convenience/staff/orders/{id}/decline", new { reason = "" })).StatusCode);
        (await company.PostAsJsonAsync($"/api/convenience/staff/orders/{id}/decline", new { reason = "当日护工已全部排满" })).EnsureSuccessStatusCode();
        var refund = await f.Published.UntilAsync<RefundRequestedIntegrationEvent>(e => e.OrderId == id, ConvenienceFixture.Wait);
        Assert.Null(refund.AmountFen);
        Assert.Equal(OrderKinds.Convenience, refund.OrderKind);
        Assert.Equal("refunding", await StatusAsync(client, patient, id));
        Assert.Equal(window.GetProperty("left").GetInt32(),
            (await f.ItemAsync("caregiver", Tomorrow(f))).GetProperty("windows")[0].GetProperty("left").GetInt32());

        await f.PublishAsync(new PaymentRefundedIntegrationEvent(Guid.NewGuid(), patient, OrderKinds.Convenience, id, 26000, "当日护工已全部排满"));
        await Eventually.Until(() => StatusAsync(client, patient, id), s => s == "refunded", ConvenienceFixture.Wait, "refunded");
    }

    [Fact]
    public async Task Cancelling_an_unpaid_order_withdraws_the_payment_and_a_lapsed_one_gives_its_stock_back()
    {
        var patient = Guid.NewGuid();
        var client = f.PatientClient(Guid.NewGuid(), patient);
        var stock = (await f.StaffItemAsync("wheelchair")).GetProperty("stock").GetInt32();
        async Task<Guid> OrderAsync() => (await (await client.PostAsJsonAsync("/api/convenience/orders",
            new { patientId = patient, itemCode = "wheelchair", acknowledgedMustShow = true })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var first = await OrderAsync();
        (await client.PostAsync($"/api/convenience/patients/{patient}/orders/{first}/cancel", null)).EnsureSuccessStatusCode();
        await f.Published.UntilAsync<PaymentWithdrawnIntegrationEvent>(e => e.OrderId == first, ConvenienceFixture.Wait);
        Assert.Equal("cancelled", await StatusAsync(client, patient, first));
        Assert.Equal(stock, (await f.StaffItemAsync("wheelchair")).GetProperty("stock").GetInt32());

        var second = await OrderAsync();
        Assert.Equal(stock - 1, (await f.StaffItemAsync("wheelchair")).GetProperty("stock").GetInt32());
        await f.PublishAsync(new PaymentStatusChangedIntegrationEvent(Guid.NewGuid(), patient, OrderKinds.Convenience, second, "closed", "已关闭"));
        await Eventually.Until(() => StatusAsync(client, patient, second), s => s == "cancelled", ConvenienceFixture.Wait, "lapsed");
        Assert.Equal(stock, (await f.StaffItemAsync("wheelchair")).GetProperty("stock").GetInt32());
    }
}
