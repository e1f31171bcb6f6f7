using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts.Convenience;
using Platform.Contracts.Payment;
using Platform.Testing;

namespace Convenience.Tests;

/// <summary>X04 医护到家: eligibility checked before any charge, a nurse assigned by staff, the visit tracked on its day
/// (forward only), and the record of what was done.</summary>
public sealed class HomeVisitTests(ConvenienceFixture f) : IClassFixture<ConvenienceFixture>
{
    private static readonly object Home = new { name = "李四", phone = "13900000002", district = "武昌区", address = "中山路8号2单元301" };

    private string Tomorrow() => DateOnly.FromDateTime(f.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime).AddDays(1).ToString("yyyy-MM-dd");

    [Fact]
    public async Task Ineligible_requests_are_refused_with_the_reason_and_charge_nothing()
    {
        var patient = Guid.NewGuid();
        var client = f.PatientClient(Guid.NewGuid(), patient);
        var far = await client.PostAsJsonAsync("/api/convenience/home-visits", new
        {
            patientId = patient, serviceCode = "wound-care", visitDate = Tomorrow(), halfDay = "morning",
            contact = new { name = "李四", phone = "13900000002", district = "黄陂区", address = "某镇某村1号" },
        });
        Assert.Equal((HttpStatusCode)422, far.StatusCode);
        Assert.Equal("outside_service_area", (await far.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var firstDose = await client.PostAsJsonAsync("/api/convenience/home-visits", new
        {
            patientId = patient, serviceCode = "injection", visitDate = Tomorrow(), halfDay = "morning", contact = Home, orderReference = "RX20261201", firstDose = true,
        });
        Assert.Equal("first_dose_at_hospital", (await firstDose.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var noOrder = await client.PostAsJsonAsync("/api/convenience/home-visits", new
        {
            patientId = patient, serviceCode = "catheter-care", visitDate = f.Clock.GetUtcNow().ToString("yyyy-MM-dd"), halfDay = "evening", contact = Home,
        });
        Assert.Equal(HttpStatusCode.BadRequest, noOrder.StatusCode);
        var errors = (await noOrder.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("orderReference", out _));
        Assert.True(errors.TryGetProperty("visitDate", out _));
        Assert.True(errors.TryGetProperty("halfDay", out _));
        Assert.DoesNotContain(f.Published.Of<PaymentRequestedIntegrationEvent>(), e => e.PatientId == patient);
        var options = await f.Anonymous().GetFromJsonAsync<JsonElement>("/api/convenience/home-care/services");
        Assert.Equal(Tomorrow(), options.GetProperty("firstDate").GetString());
        Assert.Equal(5, options.GetProperty("services").GetArrayLength());
        Assert.Contains("武昌区", options.GetProperty("districts").EnumerateArray().Select(d => d.GetString()));
    }

    [Fact]
    public async Task A_home_nursing_visit_is_ordered_paid_assigned_tracked_on_the_day_and_completed_with_its_record()
    {
        var patient = Guid.NewGuid();
        var client = f.PatientClient(Guid.NewGuid(), patient);
        var created = await client.PostAsJsonAsync("/api/convenience/home-visits", new
        {
            patientId = patient, serviceCode = "wound-care", visitDate = Tomorrow(), halfDay = "afternoon", contact = Home, condition = "腹部术后切口换药",
        });
        created.EnsureSuccessStatusCode();
        var visit = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = visit.GetProperty("id").GetGuid();
        Assert.Equal("138****0001".Length, visit.GetProperty("contact").GetProperty("phone").GetString()!.Length);
        Assert.Empty(await ClearTextScan.TablesContainingAsync(f.Database.ConnectionString, "13900000002"));
        var asked = await f.Published.UntilAsync<PaymentRequestedIntegrationEvent>(e => e.OrderId == id, ConvenienceFixture.Wait);
        Assert.Equal(OrderKinds.HomeCare, asked.OrderKind);
        Assert.Equal(10000, asked.AmountFen);

        var staff = f.StaffClient("社区护理部");
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsJsonAsync($"/api/convenience/staff/home-visits/{id}/assign",
            new { nurseName = "赵护士", nursePhone = "13700000003" })).StatusCode);
        await f.PayAsync(patient, OrderKinds.HomeCare, id, 10000);
        await Eventually.Until(() => client.GetFromJsonAsync<JsonElement>($"/api/convenience/patients/{patient}/home-visits/{id}"),
            v => v.GetProperty("status").GetString() == "paid", ConvenienceFixture.Wait, "paid");
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsJsonAsync($"/api/convenience/staff/home-visits/{id}/assign",
            new { nurseName = "赵护士", nursePhone = "12" })).StatusCode);
        (await staff.PostAsJsonAsync($"/api/convenience/staff/home-visits/{id}/assign", new { nurseName = "赵护士", nursePhone = "13700000003" }))
            .EnsureSuccessStatusCode();
        var contact = await staff.GetFromJsonAsync<JsonElement>($"/api/convenience/staff/home-visits/{id}/contact");
        Assert.Equal("中山路8号2单元301", contact.GetProperty("address").GetString());
        // Not the visit day yet.
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsJsonAsync($"/api/convenience/staff/home-visits/{id}/progress", new { status = "on-the-way" })).StatusCode);

        f.Clock.Advance(TimeSpan.FromDays(1));
        (await staff.PostAsJsonAsync($"/api/convenience/staff/home-visits/{id}/progress", new { status = "on-the-way" })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"/api/convenience/patients/{patient}/home-visits/{id}/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsJsonAsync($"/api/convenience/staff/home-visits/{id}/complete", new { record = "换药" })).StatusCode);
        (await staff.PostAsJsonAsync($"/api/convenience/staff/home-visits/{id}/progress", new { status = "arrived" })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsJsonAsync($"/api/convenience/staff/home-visits/{id}/progress", new { status = "on-the-way" })).StatusCode);
        (await staff.PostAsJsonAsync($"/api/convenience/staff/home-visits/{id}/complete",
            new { record = "切口愈合良好，无渗出，已消毒换药，嘱3天后复诊" })).EnsureSuccessStatusCode();

        var done = await client.GetFromJsonAsync<JsonElement>($"/api/convenience/patients/{patient}/home-visits/{id}");
        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.Equal("赵护士", done.GetProperty("nurseName").GetString());
        Assert.Equal("137****0003", done.GetProperty("nursePhone").GetString());
        Assert.Contains("切口愈合良好", done.GetProperty("record").GetString());
        Assert.Equal(["awaiting-payment", "paid", "assigned", "on-the-way", "arrived", "completed"],
            done.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("status").GetString()).ToList());
        await f.Published.UntilAsync<HomeVisitStatusChangedIntegrationEvent>(e => e.VisitId == id && e.Status == "completed", ConvenienceFixture.Wait);
        f.Clock.Advance(TimeSpan.FromDays(-1));
    }

    [Fact]
    public async Task A_visit_cancelled_after_paying_is_refunded()
    {
        var patient = Guid.NewGuid();
        var client = f.PatientClient(Guid.NewGuid(), patient);
        var created = await client.PostAsJsonAsync("/api/convenience/home-visits", new
        {
            patientId = patient, serviceCode = "blood-draw", visitDate = Tomorrow(), halfDay = "morning", contact = Home,
        });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await f.PayAsync(patient, OrderKinds.HomeCare, id, 6000);
        await Eventually.Until(() => client.GetFromJsonAsync<JsonElement>($"/api/convenience/patients/{patient}/home-visits/{id}"),
            v => v.GetProperty("status").GetString() == "paid", ConvenienceFixture.Wait, "paid");
        (await client.PostAsync($"/api/convenience/patients/{patient}/home-visits/{id}/cancel", null)).EnsureSuccessStatusCode();
        var refund = await f.Published.UntilAsync<RefundRequestedIntegrationEvent>(e => e.OrderId == id, ConvenienceFixture.Wait);
        Assert.Equal(OrderKinds.HomeCare, refund.OrderKind);
    }
}
