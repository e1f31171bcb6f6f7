using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts.His;
using Platform.Contracts.Scheduling;
using Platform.Testing;

namespace Scheduling.Tests;

public sealed class HisAnswerTests(SchedulingFixture f) : IClassFixture<SchedulingFixture>
{
    [Fact]
    public async Task The_his_confirms_and_the_booking_is_booked_with_every_step_pushed()
    {
        var clinic = await f.World.ClinicAsync();
        var slotId = await f.World.SlotAsync(clinic, SchedulingWorld.Local(f.World.Today.AddDays(1), 14), units: 2);
        var patient = await f.World.PatientAsync();
        var booked = await f.World.BookedAsync(patient, slotId);
        var id = booked.GetProperty("id").GetGuid();
        Assert.Equal("locking", booked.GetProperty("status").GetString());
        Assert.Equal("锁号中", booked.GetProperty("statusText").GetString());
        Assert.Equal(3000, booked.GetProperty("feeFen").GetInt64());
        var requested = await f.Published.UntilAsync<HisAppointmentRequestedIntegrationEvent>(e => e.AppointmentId == id);
        Assert.Equal(patient.PatientId, requested.PatientId);

        await f.World.PublishAsync(new HisAppointmentConfirmedIntegrationEvent(id, "his-appt-1", requested.SlotHisId));

        var appointment = await f.World.UntilStatusAsync(patient, id, "booked");
        Assert.Equal("已预约", appointment.GetProperty("statusText").GetString());
        Assert.Equal(["locking", "booked"], appointment.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("status").GetString()));
        await f.Published.UntilAsync<AppointmentStatusChangedIntegrationEvent>(e => e.AppointmentId == id && e.Status == "booked");
        var bookedEvent = await f.Published.UntilAsync<AppointmentBookedIntegrationEvent>(e => e.AppointmentId == id && e.ConfirmedByHis);
        // The session's practitioner travels with the booking: Queue lets only that doctor call the clinic.
        Assert.Equal(clinic.PractitionerHisId, bookedEvent.PractitionerHisId);
        var list = await patient.Client.GetFromJsonAsync<JsonElement>("/api/scheduling/appointments");
        Assert.Equal(id, list.EnumerateArray().Single().GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task The_his_rejects_and_the_booking_fails_with_a_reason_and_frees_its_unit()
    {
        var clinic = await f.World.ClinicAsync();
        var day = f.World.Today.AddDays(1);
        var slotId = await f.World.SlotAsync(clinic, SchedulingWorld.Local(day, 15), units: 1);
        var patient = await f.World.PatientAsync();
        var id = (await f.World.BookedAsync(patient, slotId)).GetProperty("id").GetGuid();
        Assert.Equal(0, (await f.World.SlotAsync(clinic, slotId, day)).GetProperty("remaining").GetInt32());

        await f.World.PublishAsync(new HisAppointmentRejectedIntegrationEvent(id, "his_refused", "HIS busy"));

        var failed = await f.World.UntilStatusAsync(patient, id, "failed");
        Assert.Equal("预约失败", failed.GetProperty("statusText").GetString());
        Assert.False(string.IsNullOrEmpty(failed.GetProperty("failureReason").GetString()));
        Assert.Equal(1, (await f.World.SlotAsync(clinic, slotId, day)).GetProperty("remaining").GetInt32());
        Assert.Equal(0, await f.World.CountAsync($"SELECT count(*) FROM slot_units WHERE held_by = '{id}'"));
        await f.Published.UntilAsync<AppointmentStatusChangedIntegrationEvent>(e => e.AppointmentId == id && e.Status == "failed" && e.FailureReason != null);
        // Someone else can have it now.
        var other = await f.World.PatientAsync();
        Assert.Equal(HttpStatusCode.Accepted, (await SchedulingWorld.BookAsync(other.Client, slotId, other.PatientId)).StatusCode);
    }

    [Fact]
    public async Task A_sync_that_still_shows_a_held_unit_free_does_not_release_it()
    {
        var clinic = await f.World.ClinicAsync();
        var start = SchedulingWorld.Local(f.World.Today.AddDays(1), 16);
        var slotId = await f.World.SlotAsync(clinic, start, units: 1);
        var patient = await f.World.PatientAsync();
        var id = (await f.World.BookedAsync(patient, slotId)).GetProperty("id").GetGuid();
        using var watch = new ConsumeWatch();
        var resync = new HisScheduleSlotsSyncedIntegrationEvent(clinic.ScheduleHisId, clinic.PractitionerHisId, clinic.DepartmentCode,
            f.World.Today.AddDays(1), SchedulingWorld.Units(clinic, start, 1).ToList());

        await f.World.PublishAsync(resync);
        await watch.UntilFinishedAsync(resync.Id, "HisScheduleSlotsSyncedConsumer", 1);

        Assert.Equal(1, await f.World.CountAsync($"SELECT count(*) FROM slot_units WHERE slot_id = '{slotId}' AND held_by = '{id}'"));
        Assert.Equal(0, (await f.World.SlotAsync(clinic, slotId, f.World.Today.AddDays(1))).GetProperty("remaining").GetInt32());
    }
}
