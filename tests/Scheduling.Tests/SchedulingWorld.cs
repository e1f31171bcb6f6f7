using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts.His;
using Platform.Contracts.Identity;
using Platform.Testing;

namespace Scheduling.Tests;

public sealed record TestClinic(string DepartmentCode, Guid DepartmentId, string PractitionerHisId, Guid DoctorId, string ScheduleHisId);

public sealed record TestPatient(HttpClient Client, Guid AccountId, Guid PatientId);

/// <summary>Builds what a test books against the way production does: HIS sync and Identity events over the broker.</summary>
public sealed class SchedulingWorld(SchedulingFixture fixture)
{
    public static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    public Task PublishAsync<T>(params T[] events) where T : Platform.Contracts.IntegrationEvent =>
        TestBus.PublishAsync(fixture.VirtualHost.AmqpUri, ctx => ctx.MessageId = ctx.Message.Id, events);

    public DateOnly Today => DateOnly.FromDateTime(fixture.Clock.GetUtcNow().ToOffset(Shanghai).DateTime);

    public static DateTimeOffset Local(DateOnly date, int hour, int minute = 0) => new(date.ToDateTime(new TimeOnly(hour, minute)), Shanghai);

    /// <summary>A department with one doctor (fee 30 元 unless said otherwise) of its own, so tests never share capacity.</summary>
    public async Task<TestClinic> ClinicAsync(long feeFen = 3000)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var clinic = new TestClinic($"d{tag}", HisIds.Department($"d{tag}"), $"pr-{tag}", HisIds.Doctor($"pr-{tag}"), $"sch-{tag}");
        await PublishAsync(new HisDepartmentSyncedIntegrationEvent(clinic.DepartmentCode, $"测试科{tag}", "本部院区", "门诊楼", "2楼", "", "",
            $"hs-{tag}", true));
        await PublishAsync(new HisPractitionerSyncedIntegrationEvent(clinic.PractitionerHisId, "王医生", "女", "副主任医师",
            [clinic.DepartmentCode], "", "", feeFen, "S001", true));
        await Eventually.Until(() => fixture.Database.ScalarAsync(
            $"SELECT count(*) FROM departments d JOIN doctors o ON o.his_id = '{clinic.PractitionerHisId}' WHERE d.code = '{clinic.DepartmentCode}'"),
            n => n == 1, what: "department and doctor synced");
        return clinic;
    }

    /// <summary>HIS units of one 15-minute window starting at <paramref name="start"/> (local), <paramref name="units"/> of them.</summary>
    public static IEnumerable<HisSlot> Units(TestClinic clinic, DateTimeOffset start, int units, string status = "free") =>
        Enumerable.Range(0, units).Select(i => new HisSlot($"{clinic.ScheduleHisId}-{start:yyyyMMddHHmm}-{i}",
            start.AddMinutes(i * 15 / units), start.AddMinutes((i + 1) * 15 / units), status, "1"));

    /// <summary>Publishes the schedule's day and waits until every window is listed; returns the windows by start.</summary>
    public async Task<List<JsonElement>> ScheduleDayAsync(TestClinic clinic, DateOnly date, params HisSlot[] units)
    {
        await PublishAsync(new HisScheduleSlotsSyncedIntegrationEvent(clinic.ScheduleHisId, clinic.PractitionerHisId, clinic.DepartmentCode,
            date, units));
        var windows = units.Select(u => u.Start.ToOffset(Shanghai)).Select(s => s.AddMinutes(-(s.Minute % 15))).Distinct().Count();
        return await Eventually.Until(() => SlotsAsync(clinic, date), s => s.Count == windows && s.Sum(x => x.GetProperty("capacity").GetInt32()) == units.Length,
            what: "the synced slots");
    }

    public async Task<Guid> SlotAsync(TestClinic clinic, DateTimeOffset start, int units) =>
        (await ScheduleDayAsync(clinic, DateOnly.FromDateTime(start.ToOffset(Shanghai).DateTime), Units(clinic, start, units).ToArray()))
        .Single(s => s.GetProperty("startsAt").GetDateTimeOffset() == start).GetProperty("id").GetGuid();

    public async Task<List<JsonElement>> SlotsAsync(TestClinic clinic, DateOnly date) =>
        (await fixture.Service.CreateClient().GetFromJsonAsync<JsonElement>(
            $"/api/scheduling/slots?doctorId={clinic.DoctorId}&date={date:yyyy-MM-dd}")).EnumerateArray().ToList();

    public async Task<JsonElement> SlotAsync(TestClinic clinic, Guid slotId, DateOnly date) =>
        (await SlotsAsync(clinic, date)).Single(s => s.GetProperty("id").GetGuid() == slotId);

    /// <summary>Signed-in accounts, each with one linked patient, that accepted the booking agreement (unless told not to).</summary>
    public async Task<List<TestPatient>> PatientsAsync(int count, bool agreed = true)
    {
        var patients = Enumerable.Range(0, count).Select(_ => (Account: Guid.NewGuid(), Patient: Guid.NewGuid())).ToList();
        await PublishAsync(patients.Select(p => new PatientRegisteredIntegrationEvent(p.Patient, p.Account)).ToArray());
        if (agreed) await PublishAsync(patients.Select(p => new AgreementAcceptedIntegrationEvent(p.Account, "booking", "2026.1")).ToArray());
        var accounts = string.Join(",", patients.Select(p => $"'{p.Account}'"));
        await Eventually.Until(() => fixture.Database.ScalarAsync($"SELECT count(*) FROM patient_links WHERE account_id IN ({accounts})"),
            n => n == count, what: "patients linked");
        if (agreed)
            await Eventually.Until(() => fixture.Database.ScalarAsync($"SELECT count(*) FROM agreement_acceptances WHERE account_id IN ({accounts})"),
                n => n == count, what: "agreements accepted");
        return patients.Select(p => new TestPatient(Client(p.Account), p.Account, p.Patient)).ToList();
    }

    public async Task<TestPatient> PatientAsync(bool agreed = true) => (await PatientsAsync(1, agreed))[0];

    public HttpClient Client(Guid account, string role = "patient")
    {
        var client = fixture.Service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(role, account.ToString(), lifetime: TimeSpan.FromDays(3)));
        return client;
    }

    public HttpClient Staff() => Client(Guid.NewGuid(), "staff");

    public static Task<HttpResponseMessage> BookAsync(HttpClient client, Guid slotId, Guid patientId, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/scheduling/appointments")
        {
            Content = JsonContent.Create(new { slotId, patientId }),
        };
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString("N"));
        return client.SendAsync(request);
    }

    public async Task<JsonElement> BookedAsync(TestPatient patient, Guid slotId)
    {
        var response = await BookAsync(patient.Client, slotId, patient.PatientId);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> AppointmentAsync(TestPatient patient, Guid id) =>
        await patient.Client.GetFromJsonAsync<JsonElement>($"/api/scheduling/appointments/{id}");

    public Task<JsonElement> UntilStatusAsync(TestPatient patient, Guid id, string status) =>
        Eventually.Until(() => AppointmentAsync(patient, id), a => a.GetProperty("status").GetString() == status, what: $"appointment {status}");

    /// <summary>An exam room of its own with one unit per window of <paramref name="minutes"/> from <paramref name="start"/>;
    /// returns its service code (what orders name).</summary>
    public async Task<string> ExamRoomAsync(DateTimeOffset start, int windows, int minutes = 15)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var date = DateOnly.FromDateTime(start.ToOffset(Shanghai).DateTime);
        var units = Enumerable.Range(0, windows).Select(w =>
            new HisSlot($"slot-us-{tag}-{w}", start.AddMinutes(w * minutes), start.AddMinutes((w + 1) * minutes), "free", "1")).ToArray();
        await PublishAsync(new HisExamScheduleSlotsSyncedIntegrationEvent($"sch-us-{tag}", $"loc-us-{tag}", "超声1室", "医技楼2楼",
            $"us-{tag}", "超声", "fsk", date, units));
        await Eventually.Until(() => CountAsync($"SELECT count(*) FROM exam_units WHERE his_id LIKE 'slot-us-{tag}-%'"), n => n == windows,
            what: "exam room synced");
        return $"us-{tag}";
    }

    /// <summary>A doctor's order for the patient in the room's service; returns its id.</summary>
    public async Task<Guid> ExamOrderAsync(TestPatient patient, string serviceCode, string preparation)
    {
        await PublishAsync(new HisExamOrderSyncedIntegrationEvent($"sr-{serviceCode}-{patient.PatientId:N}", patient.PatientId, "US-ABD",
            "腹部超声", "检查", serviceCode, preparation, true, "内科 王医生", fixture.Clock.GetUtcNow().AddHours(-1), "active"));
        return (await Eventually.Until(
                async () => (await patient.Client.GetFromJsonAsync<JsonElement>($"/api/scheduling/exams/orders?patientId={patient.PatientId}"))
                    .EnumerateArray().ToList(),
                l => l.Any(o => o.GetProperty("serviceCode").GetString() == serviceCode), what: "order synced"))
            .Single(o => o.GetProperty("serviceCode").GetString() == serviceCode).GetProperty("id").GetGuid();
    }

    public static Task<HttpResponseMessage> BookExamAsync(TestPatient patient, Guid orderId, Guid slotId)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/scheduling/exams/orders/{orderId}/appointments")
        {
            Content = JsonContent.Create(new { slotId }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        return patient.Client.SendAsync(request);
    }

    /// <summary>Books the order's first open window and lets the HIS confirm it; returns the booked exam appointment.</summary>
    public async Task<JsonElement> BookedExamAsync(TestPatient patient, Guid orderId)
    {
        var slot = (await patient.Client.GetFromJsonAsync<JsonElement>($"/api/scheduling/exams/orders/{orderId}/slots"))[0].GetProperty("id").GetGuid();
        var response = await BookExamAsync(patient, orderId, slot);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await PublishAsync(new HisAppointmentConfirmedIntegrationEvent(id, $"his-{id:N}", "x"));
        return await Eventually.Until(() => ExamAppointmentAsync(patient, id), a => a.GetProperty("status").GetString() == "booked",
            what: "exam booked");
    }

    public async Task<JsonElement> ExamAppointmentAsync(TestPatient patient, Guid id) =>
        (await patient.Client.GetFromJsonAsync<JsonElement>($"/api/scheduling/exams/appointments?patientId={patient.PatientId}"))
        .EnumerateArray().Single(a => a.GetProperty("id").GetGuid() == id);

    public Task<long> CountAsync(string sql) => fixture.Database.ScalarAsync(sql);

    public static async Task<string?> CodeAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("code", out var code) ? code.GetString() : null;
}
