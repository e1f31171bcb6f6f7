using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Platform.Contracts.His;
using Platform.Contracts.Scheduling;
using Platform.Testing;

namespace Scheduling.Tests;

/// <summary>加诊: a request the HIS answers; the slot sync brings the session, and the doctor's waitlist that day is
/// offered its units.</summary>
public sealed class AddSessionTests(SchedulingFixture f) : IClassFixture<SchedulingFixture>
{
    private Task<HttpResponseMessage> AddAsync(HttpClient client, object body) => client.PostAsJsonAsync("/api/scheduling/admin/sessions", body);

    private async Task<JsonElement> RequestAsync(Guid id, DateOnly day) =>
        (await f.World.Staff().GetFromJsonAsync<JsonElement>($"/api/scheduling/admin/session-requests?date={day:yyyy-MM-dd}"))
        .EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == id);

    [Fact]
    public async Task An_added_session_waits_for_the_his_then_the_sync_brings_its_units_to_the_doctors_waitlist()
    {
        var clinic = await f.World.ClinicAsync();
        var day = f.World.Today.AddDays(1);
        var slotId = await f.World.SlotAsync(clinic, SchedulingWorld.Local(day, 9), units: 1);
        var (booker, waiter) = (await f.World.PatientAsync(), await f.World.PatientAsync());
        await f.World.BookedAsync(booker, slotId);
        var morning = (await f.World.SlotsAsync(clinic, day)).Single().GetProperty("sessionId").GetGuid();
        var joined = await waiter.Client.PostAsJsonAsync("/api/scheduling/waitlist", new { sessionId = morning, patientId = waiter.PatientId });
        Assert.Equal(HttpStatusCode.Created, joined.StatusCode);

        var response = await AddAsync(f.World.Staff(), new { doctorId = clinic.DoctorId, date = day, period = "PM", units = 2 });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var request = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("pending", request.GetProperty("status").GetString());
        Assert.Equal("等待医院受理", request.GetProperty("statusText").GetString());
        var requestId = request.GetProperty("id").GetGuid();
        var asked = await f.Published.UntilAsync<HisSessionAddRequestedIntegrationEvent>(e => e.RequestId == requestId);
        Assert.Equal((clinic.PractitionerHisId, clinic.DepartmentCode, "PM", 2, 15), (asked.PractitionerHisId, asked.DepartmentCode, asked.Period, asked.Units, asked.SlotMinutes));
        Assert.Equal(SchedulingWorld.Local(day, 14), asked.StartsAt);
        // Nothing is invented: until the HIS answers and the sync runs, the afternoon has no slots.
        Assert.Single(await f.World.SlotsAsync(clinic, day));

        // The HIS created schedule sch-add-… with two slots; the sync publishes its day.
        var schedule = $"{clinic.ScheduleHisId}-add";
        var units = new[] { 0, 15 }.Select(m => new HisSlot($"{schedule}-{m}", SchedulingWorld.Local(day, 14, m), SchedulingWorld.Local(day, 14, m + 15), "free", "1")).ToArray();
        int DayChanges() => f.Published.Of<ClinicScheduleChangedIntegrationEvent>().Count(e => e.DepartmentId == clinic.DepartmentId && e.Date == day);
        var changesBefore = DayChanges();
        await f.World.PublishAsync(new HisSessionAddedIntegrationEvent(requestId, schedule, units.Select(u => u.HisId).ToList()));
        var sync = new HisScheduleSlotsSyncedIntegrationEvent(schedule, clinic.PractitionerHisId, clinic.DepartmentCode, day, units);
        await f.World.PublishAsync(sync);
        // Open booking pages of the department hear that the day changed (Notification pushes scheduleChanged).
        await Eventually.Until(() => Task.FromResult(DayChanges()), n => n == changesBefore + 1, what: "the day's change announced");
        // The same schedule again changes nothing and announces nothing.
        using (var watch = new ConsumeWatch())
        {
            var again = sync with { Id = Guid.CreateVersion7() };
            await f.World.PublishAsync(again);
            await watch.UntilFinishedAsync(again.Id, "HisScheduleSlotsSyncedConsumer", copies: 1);
        }

        var created = await Eventually.Until(() => RequestAsync(requestId, day),
            r => r.GetProperty("status").GetString() == "created" && r.GetProperty("sessionId").ValueKind == JsonValueKind.String, what: "the session created");
        Assert.Equal("已加诊", created.GetProperty("statusText").GetString());
        var added = created.GetProperty("sessionId").GetGuid();
        var offer = await f.Published.UntilAsync<SlotOfferedIntegrationEvent>(e => e.PatientId == waiter.PatientId);
        Assert.Equal("waitlist", offer.Kind);
        Assert.Equal(SchedulingWorld.Local(day, 14), offer.StartsAt);
        var offers = await waiter.Client.GetFromJsonAsync<JsonElement>("/api/scheduling/offers");
        Assert.Equal(added, Assert.Single(offers.EnumerateArray()).GetProperty("sessionId").GetGuid());
        // The other unit stays bookable by anyone.
        var afternoon = (await f.World.SlotsAsync(clinic, day)).Where(s => s.GetProperty("sessionId").GetGuid() == added).ToList();
        Assert.Equal(1, afternoon.Sum(s => s.GetProperty("remaining").GetInt32()));
        Assert.Equal(changesBefore + 1, DayChanges());
    }

    [Fact]
    public async Task While_the_doctors_waitlist_waits_an_added_sessions_units_are_theirs_not_the_fastest_bookers()
    {
        var clinic = await f.World.ClinicAsync();
        var day = f.World.Today.AddDays(1);
        var slotId = await f.World.SlotAsync(clinic, SchedulingWorld.Local(day, 9), units: 1);
        var (booker, waiter, fast) = (await f.World.PatientAsync(), await f.World.PatientAsync(), await f.World.PatientAsync());
        await f.World.BookedAsync(booker, slotId);
        var morning = (await f.World.SlotsAsync(clinic, day)).Single().GetProperty("sessionId").GetGuid();

        // Another replica is serving the morning's waitlist (its lock is held), so no offer is made while the test looks.
        await using var replica = new NpgsqlConnection(f.Database.ConnectionString);
        await replica.OpenAsync();
        await using (var hold = new NpgsqlCommand($"SELECT pg_advisory_lock(hashtextextended('scheduling-waitlist:{morning:N}', 0))", replica))
            await hold.ExecuteNonQueryAsync();
        Assert.Equal(HttpStatusCode.Created,
            (await waiter.Client.PostAsJsonAsync("/api/scheduling/waitlist", new { sessionId = morning, patientId = waiter.PatientId })).StatusCode);

        var requestId = (await (await AddAsync(f.World.Staff(), new { doctorId = clinic.DoctorId, date = day, period = "PM", units = 1 }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var schedule = $"{clinic.ScheduleHisId}-add";
        var unit = new HisSlot($"{schedule}-0", SchedulingWorld.Local(day, 14), SchedulingWorld.Local(day, 14, 15), "free", "1");
        await f.World.PublishAsync(new HisSessionAddedIntegrationEvent(requestId, schedule, [unit.HisId]));
        await f.World.PublishAsync(new HisScheduleSlotsSyncedIntegrationEvent(schedule, clinic.PractitionerHisId, clinic.DepartmentCode, day, [unit]));
        var added = (await Eventually.Until(() => RequestAsync(requestId, day), r => r.GetProperty("sessionId").ValueKind == JsonValueKind.String,
            what: "the session created")).GetProperty("sessionId").GetGuid();

        var afternoon = (await f.World.SlotsAsync(clinic, day)).Single(s => s.GetProperty("sessionId").GetGuid() == added);
        Assert.Equal(0, afternoon.GetProperty("remaining").GetInt32());
        var refused = await SchedulingWorld.BookAsync(fast.Client, afternoon.GetProperty("id").GetGuid(), fast.PatientId);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("slot_full", await SchedulingWorld.CodeAsync(refused));

        // The replica lets go: the unit goes to the waiting patient.
        await using (var release = new NpgsqlCommand("SELECT pg_advisory_unlock_all()", replica))
            await release.ExecuteNonQueryAsync();
        var offer = await f.Published.UntilAsync<SlotOfferedIntegrationEvent>(e => e.PatientId == waiter.PatientId);
        Assert.Equal(SchedulingWorld.Local(day, 14), offer.StartsAt);
    }

    [Fact]
    public async Task A_session_the_his_refuses_shows_its_reason_and_no_slots()
    {
        var clinic = await f.World.ClinicAsync();
        var day = f.World.Today.AddDays(2);
        var response = await AddAsync(f.World.Staff(), new { doctorId = clinic.DoctorId, date = day, period = "AM" });
        var requestId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var asked = await f.Published.UntilAsync<HisSessionAddRequestedIntegrationEvent>(e => e.RequestId == requestId);
        Assert.Equal(16, asked.Units); // 08:00-12:00 in the department's 15 minutes

        await f.World.PublishAsync(new HisSessionAddRefusedIntegrationEvent(requestId, "该医生在 2026-12-08 08:00 已有出诊，不能重复排班"));

        var refused = await Eventually.Until(() => RequestAsync(requestId, day), r => r.GetProperty("status").GetString() == "refused", what: "the refusal");
        Assert.Equal("医院未受理", refused.GetProperty("statusText").GetString());
        Assert.Equal("该医生在 2026-12-08 08:00 已有出诊，不能重复排班", refused.GetProperty("refusalReason").GetString());
        Assert.Empty(await f.World.SlotsAsync(clinic, day));
        // Refused, the half-day may be asked for again.
        Assert.Equal(HttpStatusCode.Accepted, (await AddAsync(f.World.Staff(), new { doctorId = clinic.DoctorId, date = day, period = "AM", units = 4 })).StatusCode);
    }

    [Fact]
    public async Task Bad_requests_get_a_chinese_problem_and_record_nothing()
    {
        var clinic = await f.World.ClinicAsync();
        var day = f.World.Today.AddDays(1);
        await f.World.SlotAsync(clinic, SchedulingWorld.Local(day, 9), units: 1);
        var staff = f.World.Staff();
        var before = await f.World.CountAsync("SELECT count(*) FROM session_requests");

        foreach (var (body, status, field) in new (object Body, HttpStatusCode Status, string Field)[]
                 {
                     (new { date = day, period = "AM" }, HttpStatusCode.BadRequest, "doctorId"),
                     (new { doctorId = clinic.DoctorId, date = day, period = "evening" }, HttpStatusCode.BadRequest, "period"),
                     (new { doctorId = clinic.DoctorId, date = f.World.Today.AddDays(-1), period = "PM" }, HttpStatusCode.BadRequest, "date"),
                     (new { doctorId = clinic.DoctorId, date = day, period = "PM", units = 99 }, HttpStatusCode.BadRequest, "units"),
                     (new { doctorId = clinic.DoctorId, date = day, period = "PM", departmentId = Guid.NewGuid() }, HttpStatusCode.BadRequest, "departmentId"),
                 })
        {
            var response = await AddAsync(staff, body);
            Assert.Equal(status, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", problem.GetProperty("errors").GetProperty(field)[0].GetString());
        }
        var unknown = await AddAsync(staff, new { doctorId = Guid.NewGuid(), date = day, period = "PM" });
        Assert.Equal("doctor_not_found", await SchedulingWorld.CodeAsync(unknown));
        var taken = await AddAsync(staff, new { doctorId = clinic.DoctorId, date = day, period = "AM" });
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal("session_exists", await SchedulingWorld.CodeAsync(taken));
        var garbled = await staff.PostAsync("/api/scheduling/admin/sessions", new StringContent("{\"date\":\"明天\"}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, garbled.StatusCode);
        Assert.Equal(before, await f.World.CountAsync("SELECT count(*) FROM session_requests"));
    }

    [Fact]
    public async Task A_second_request_for_the_same_half_day_waits_for_the_first()
    {
        var clinic = await f.World.ClinicAsync();
        var day = f.World.Today.AddDays(3);
        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
            AddAsync(f.World.Staff(), new { doctorId = clinic.DoctorId, date = day, period = "PM" })));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Accepted);
        foreach (var a in answers.Where(a => a.StatusCode != HttpStatusCode.Accepted))
            Assert.Equal("session_requested", await SchedulingWorld.CodeAsync(a));
    }

    [Fact]
    public async Task Patients_cannot_add_sessions_or_mark_equipment_down()
    {
        var patient = await f.World.PatientAsync();
        foreach (var (path, body) in new (string, object)[]
                 {
                     ("/api/scheduling/admin/sessions", new { doctorId = Guid.NewGuid(), date = f.World.Today.AddDays(1), period = "AM" }),
                     ($"/api/scheduling/admin/exam-rooms/{Guid.NewGuid()}/outage", new { from = DateTimeOffset.UtcNow, to = DateTimeOffset.UtcNow.AddHours(1), reason = "x" }),
                     ($"/api/scheduling/admin/exam-rooms/{Guid.NewGuid()}/outage/{Guid.NewGuid()}/end", new { }),
                 })
            Assert.Equal(HttpStatusCode.Forbidden, (await patient.Client.PostAsJsonAsync(path, body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await patient.Client.GetAsync("/api/scheduling/admin/session-requests")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await patient.Client.GetAsync("/api/scheduling/admin/exam-rooms")).StatusCode);
    }
}
