using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts.His;
using Platform.Contracts.Scheduling;

namespace Scheduling.Tests;

public sealed class StaffTests(SchedulingFixture f) : IClassFixture<SchedulingFixture>
{
    private async Task<Guid> SessionIdAsync(TestClinic clinic, DateOnly day)
    {
        var sessions = await f.World.Staff().GetFromJsonAsync<JsonElement>(
            $"/api/scheduling/admin/sessions?date={day:yyyy-MM-dd}&departmentId={clinic.DepartmentId}");
        return sessions.EnumerateArray().Single().GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task Stopping_a_clinic_cancels_its_bookings_and_tells_patients_and_the_his()
    {
        var clinic = await f.World.ClinicAsync();
        var day = f.World.Today.AddDays(1);
        var slotId = await f.World.SlotAsync(clinic, SchedulingWorld.Local(day, 9), units: 3);
        var patients = await f.World.PatientsAsync(2);
        var ids = new List<Guid>();
        foreach (var p in patients) ids.Add((await f.World.BookedAsync(p, slotId)).GetProperty("id").GetGuid());
        var sessionId = await SessionIdAsync(clinic, day);

        var response = await f.World.Staff().PostAsJsonAsync($"/api/scheduling/admin/sessions/{sessionId}/stop", new { reason = "医生临时外出会诊" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var session = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("stopped", session.GetProperty("status").GetString());
        Assert.Equal("医生临时外出会诊", session.GetProperty("stopReason").GetString());
        for (var i = 0; i < 2; i++) Assert.Equal("cancelled", (await f.World.AppointmentAsync(patients[i], ids[i])).GetProperty("status").GetString());
        var stopped = await f.Published.UntilAsync<ClinicStoppedIntegrationEvent>(e => e.SessionId == sessionId.ToString());
        Assert.Equal(patients.Select(p => p.PatientId).Order(), stopped.AffectedPatientIds.Order());
        var his = await f.Published.UntilAsync<HisSessionStopRequestedIntegrationEvent>(e => e.ScheduleHisId == clinic.ScheduleHisId);
        Assert.Equal(ids.Order(), his.AppointmentIds.Order());
        Assert.Equal("AM", his.Period);
        var late = await SchedulingWorld.BookAsync(patients[0].Client, slotId, patients[0].PatientId);
        Assert.Equal("slot_closed", await SchedulingWorld.CodeAsync(late));
    }

    [Fact]
    public async Task Limiting_a_session_closes_the_free_units_beyond_what_is_left_and_tells_the_his()
    {
        var clinic = await f.World.ClinicAsync();
        var day = f.World.Today.AddDays(1);
        await f.World.ScheduleDayAsync(clinic, day,
            [.. SchedulingWorld.Units(clinic, SchedulingWorld.Local(day, 14), 2), .. SchedulingWorld.Units(clinic, SchedulingWorld.Local(day, 14, 15), 2)]);
        var sessionId = await SessionIdAsync(clinic, day);

        var response = await f.World.Staff().PostAsJsonAsync($"/api/scheduling/admin/sessions/{sessionId}/limit", new { remaining = 1, reason = "设备检修" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("remaining").GetInt32());
        var limited = await f.Published.UntilAsync<SlotsLimitedIntegrationEvent>(e => e.SessionId == sessionId.ToString());
        Assert.Equal(1, limited.RemainingSlots);
        var close = await f.Published.UntilAsync<HisSlotsCloseRequestedIntegrationEvent>(e => e.Reason == "设备检修" && e.SlotHisIds.All(id => id.StartsWith(clinic.ScheduleHisId)));
        Assert.Equal(3, close.SlotHisIds.Count);
        var slots = await f.World.SlotsAsync(clinic, day);
        Assert.Equal(1, slots.Sum(s => s.GetProperty("remaining").GetInt32()));
    }

    [Fact]
    public async Task Patients_cannot_use_staff_endpoints()
    {
        var patient = await f.World.PatientAsync();
        var response = await patient.Client.PostAsJsonAsync($"/api/scheduling/admin/sessions/{Guid.NewGuid()}/stop", new { reason = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
