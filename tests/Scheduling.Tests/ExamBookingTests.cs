using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts.His;
using Platform.Testing;

namespace Scheduling.Tests;

/// <summary>检查检验集中预约 (R16): orders, exam windows, no overlap for one patient, the one-day plan.</summary>
public sealed class ExamBookingTests(SchedulingFixture f) : IClassFixture<SchedulingFixture>
{
    private sealed record Exams(string Tag, DateOnly Day)
    {
        public string Service(string code) => $"{code}-{Tag}";
    }

    /// <summary>Rooms of their own for the test: blood draw (3 units per 15 min from 07:30), ultrasound and MRI (30 min).</summary>
    private async Task<Exams> RoomsAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var day = f.World.Today.AddDays(2);
        var exams = new Exams(tag, day);
        await Room(exams, "blood", "采血窗口", 15, 3, 7.5, 4);
        await Room(exams, "us", "超声1室", 15, 1, 8, 16);
        await Room(exams, "mri", "磁共振室", 30, 1, 8, 8);
        await Eventually.Until(() => f.World.CountAsync($"SELECT count(*) FROM exam_units u JOIN exam_slots s ON s.id = u.slot_id WHERE s.schedule_his_id LIKE 'sch-%-{tag}'"),
            n => n == 12 + 16 + 8, what: "exam rooms synced");
        return exams;
    }

    private Task Room(Exams exams, string code, string name, int minutes, int units, double fromHour, int windows)
    {
        var start = SchedulingWorld.Local(exams.Day, (int)fromHour, (int)(fromHour % 1 * 60));
        var slots = Enumerable.Range(0, windows).SelectMany(w => Enumerable.Range(1, units).Select(u =>
            new HisSlot($"slot-{code}-{exams.Tag}-{w}-{u}", start.AddMinutes(w * minutes), start.AddMinutes((w + 1) * minutes), "free", "1"))).ToArray();
        return f.World.PublishAsync(new HisExamScheduleSlotsSyncedIntegrationEvent($"sch-{code}-{exams.Tag}", $"loc-{code}-{exams.Tag}", name,
            "本部院区医技楼", exams.Service(code), name, "fsk", exams.Day, slots));
    }

    private async Task<List<JsonElement>> OrdersAsync(TestPatient patient, Exams exams, params (string Item, string Code, bool Fasting, string Prep)[] orders)
    {
        await f.World.PublishAsync(orders.Select((o, i) => new HisExamOrderSyncedIntegrationEvent($"sr-{exams.Tag}-{i}", patient.PatientId, o.Item,
            o.Item, "检查", exams.Service(o.Code), o.Prep, o.Fasting, "内科 王医生", DateTimeOffset.UtcNow.AddHours(-i - 1), "active")).ToArray());
        return await Eventually.Until(
            async () => (await patient.Client.GetFromJsonAsync<JsonElement>($"/api/scheduling/exams/orders?patientId={patient.PatientId}")).EnumerateArray().ToList(),
            l => l.Count == orders.Length, what: "orders synced");
    }

    private static Task<HttpResponseMessage> BookAsync(TestPatient patient, Guid orderId, Guid slotId, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/scheduling/exams/orders/{orderId}/appointments")
        {
            Content = JsonContent.Create(new { slotId }),
        };
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString("N"));
        return patient.Client.SendAsync(request);
    }

    private static Guid Id(JsonElement e) => e.GetProperty("id").GetGuid();

    private static JsonElement Order(List<JsonElement> orders, string item) => orders.Single(o => o.GetProperty("itemCode").GetString() == item);

    [Fact]
    [Trait("Rubric", "R16")]
    public async Task Orders_show_preparation_notes_and_are_only_the_callers()
    {
        var exams = await RoomsAsync();
        var patient = await f.World.PatientAsync();
        var orders = await OrdersAsync(patient, exams, ("GLU", "blood", true, "检查前空腹8小时"), ("MRI-HEAD", "mri", false, "去除金属物品"));
        Assert.Equal("检查前空腹8小时", Order(orders, "GLU").GetProperty("preparation").GetString());
        Assert.True(Order(orders, "GLU").GetProperty("fastingRequired").GetBoolean());

        var slots = await patient.Client.GetFromJsonAsync<JsonElement>($"/api/scheduling/exams/orders/{Id(Order(orders, "MRI-HEAD"))}/slots");
        Assert.Equal(8, slots.GetArrayLength());
        Assert.All(slots.EnumerateArray(), s => Assert.Equal(30, (s.GetProperty("endsAt").GetDateTimeOffset() - s.GetProperty("startsAt").GetDateTimeOffset()).TotalMinutes));
        var blood = await patient.Client.GetFromJsonAsync<JsonElement>($"/api/scheduling/exams/orders/{Id(Order(orders, "GLU"))}/slots");
        Assert.Equal(3, blood[0].GetProperty("capacity").GetInt32());

        var stranger = await f.World.PatientAsync();
        var foreign = await stranger.Client.GetAsync($"/api/scheduling/exams/orders?patientId={patient.PatientId}");
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal("patient_not_linked", await SchedulingWorld.CodeAsync(foreign));
        var steal = await BookAsync(stranger, Id(Order(orders, "MRI-HEAD")), slots[0].GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.NotFound, steal.StatusCode);
        Assert.Equal("order_not_found", await SchedulingWorld.CodeAsync(steal));
        Assert.Equal(0, await f.World.CountAsync($"SELECT count(*) FROM exam_units WHERE held_by IS NOT NULL AND his_id LIKE 'slot-mri-{exams.Tag}-%'"));
    }

    [Fact]
    [Trait("Rubric", "R16")]
    public async Task A_patients_exams_never_overlap_even_when_booked_together()
    {
        var exams = await RoomsAsync();
        var patient = await f.World.PatientAsync();
        var orders = await OrdersAsync(patient, exams, ("US-ABD", "us", true, "空腹8小时"), ("MRI-HEAD", "mri", false, "去除金属物品"));
        var us = await patient.Client.GetFromJsonAsync<JsonElement>($"/api/scheduling/exams/orders/{Id(Order(orders, "US-ABD"))}/slots");
        var mri = await patient.Client.GetFromJsonAsync<JsonElement>($"/api/scheduling/exams/orders/{Id(Order(orders, "MRI-HEAD"))}/slots");
        // 08:00-08:15 ultrasound and 08:00-08:30 MRI overlap: sent at once, exactly one wins.
        var answers = await Task.WhenAll(
            BookAsync(patient, Id(Order(orders, "US-ABD")), us[0].GetProperty("id").GetGuid()),
            BookAsync(patient, Id(Order(orders, "MRI-HEAD")), mri[0].GetProperty("id").GetGuid()));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Accepted);
        var refused = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Conflict);
        Assert.Equal("time_conflict", await SchedulingWorld.CodeAsync(refused));
        Assert.Equal(1, await f.World.CountAsync($"SELECT count(*) FROM exam_appointments WHERE patient_id = '{patient.PatientId}'"));
        Assert.Equal(1, await f.World.CountAsync($"SELECT count(*) FROM exam_units WHERE held_by IS NOT NULL AND his_id LIKE 'slot-%-{exams.Tag}-%'"));
    }

    [Fact]
    [Trait("Rubric", "R16")]
    public async Task A_window_is_never_oversold_and_a_repeated_key_answers_the_first_booking()
    {
        var exams = await RoomsAsync();
        var patients = await f.World.PatientsAsync(5);
        var orders = new List<Guid>();
        foreach (var p in patients) orders.Add(Id((await OrdersAsync(p, exams, ("CBC", "blood", false, "无需空腹")))[0]));
        var window = (await patients[0].Client.GetFromJsonAsync<JsonElement>($"/api/scheduling/exams/orders/{orders[0]}/slots"))[0].GetProperty("id").GetGuid();

        var answers = await Task.WhenAll(patients.Select((p, i) => BookAsync(p, orders[i], window)));
        Assert.Equal(3, answers.Count(a => a.StatusCode == HttpStatusCode.Accepted));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Accepted), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));

        var winner = patients[Array.FindIndex(answers, a => a.StatusCode == HttpStatusCode.Accepted)];
        var first = await BookAsync(winner, orders[patients.IndexOf(winner)], window, "exam-key-0001");
        Assert.Equal("already_booked", await SchedulingWorld.CodeAsync(first));
        Assert.Equal(3, await f.World.CountAsync($"SELECT count(*) FROM exam_units u WHERE u.slot_id = '{window}' AND held_by IS NOT NULL"));
        Assert.Equal(3, await f.World.CountAsync($"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%HisAppointmentRequestedIntegrationEvent%' AND payload::text LIKE '%sr-{exams.Tag}-0%'"));
    }

    [Fact]
    [Trait("Rubric", "R16")]
    public async Task The_plan_puts_fasting_exams_first_in_the_morning_fifteen_minutes_apart_and_books_in_one_go()
    {
        var exams = await RoomsAsync();
        var patient = await f.World.PatientAsync();
        await OrdersAsync(patient, exams, ("MRI-HEAD", "mri", false, "去除金属物品"), ("GLU", "blood", true, "空腹8小时"), ("US-ABD", "us", true, "空腹8小时"));
        var plan = await patient.Client.GetFromJsonAsync<JsonElement>($"/api/scheduling/exams/plan?patientId={patient.PatientId}");
        var items = plan.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(3, items.Count);
        Assert.Equal(0, plan.GetProperty("unplaced").GetArrayLength());
        Assert.Equal(exams.Day.ToString("yyyy-MM-dd"), plan.GetProperty("date").GetString());
        Assert.True(items[0].GetProperty("fastingRequired").GetBoolean() && items[1].GetProperty("fastingRequired").GetBoolean());
        Assert.Equal("MRI-HEAD", items[2].GetProperty("itemName").GetString());
        for (var i = 1; i < items.Count; i++)
            Assert.True(items[i].GetProperty("startsAt").GetDateTimeOffset() >= items[i - 1].GetProperty("endsAt").GetDateTimeOffset().AddMinutes(15));

        foreach (var item in items)
            Assert.Equal(HttpStatusCode.Accepted, (await BookAsync(patient, item.GetProperty("orderId").GetGuid(), item.GetProperty("slotId").GetGuid())).StatusCode);
        var booked = await patient.Client.GetFromJsonAsync<JsonElement>($"/api/scheduling/exams/appointments?patientId={patient.PatientId}");
        Assert.Equal(3, booked.GetArrayLength());
        var after = await patient.Client.GetFromJsonAsync<JsonElement>($"/api/scheduling/exams/plan?patientId={patient.PatientId}");
        Assert.Equal(0, after.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Bad_exam_requests_are_clear_errors_that_change_nothing()
    {
        var exams = await RoomsAsync();
        var patient = await f.World.PatientAsync();
        var orders = await OrdersAsync(patient, exams, ("GLU", "blood", true, "空腹8小时"));
        var missingKey = await patient.Client.PostAsJsonAsync($"/api/scheduling/exams/orders/{Id(orders[0])}/appointments", new { slotId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.BadRequest, missingKey.StatusCode);
        var noSlot = await BookAsync(patient, Id(orders[0]), Guid.NewGuid());
        Assert.Equal("slot_not_found", await SchedulingWorld.CodeAsync(noSlot));
        var noPatient = await patient.Client.GetAsync("/api/scheduling/exams/plan");
        Assert.Equal(HttpStatusCode.BadRequest, noPatient.StatusCode);
        Assert.Equal(0, await f.World.CountAsync($"SELECT count(*) FROM exam_appointments WHERE patient_id = '{patient.PatientId}'"));
    }
}
