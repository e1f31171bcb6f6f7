using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts.His;
using Platform.Contracts.Scheduling;

namespace Scheduling.Tests;

public sealed class CancelAndRescheduleTests(SchedulingFixture f) : IClassFixture<SchedulingFixture>
{
    private async Task<(TestPatient Patient, Guid Id, Guid SlotId, DateTimeOffset Start)> ConfirmedAsync(int hour)
    {
        var clinic = await f.World.ClinicAsync();
        var start = SchedulingWorld.Local(f.World.Today.AddDays(1), hour);
        var slotId = await f.World.SlotAsync(clinic, start, units: 1);
        var patient = await f.World.PatientAsync();
        var id = (await f.World.BookedAsync(patient, slotId)).GetProperty("id").GetGuid();
        await f.World.PublishAsync(new HisAppointmentConfirmedIntegrationEvent(id, $"his-{id:N}", "x"));
        await f.World.UntilStatusAsync(patient, id, "booked");
        return (patient, id, slotId, start);
    }

    [Fact]
    public async Task Less_than_two_hours_before_the_visit_cancelling_is_refused_and_nothing_changes()
    {
        var (patient, id, slotId, start) = await ConfirmedAsync(9);
        f.Clock.Offset = start - f.Clock.GetUtcNow() + f.Clock.Offset - TimeSpan.FromMinutes(90);
        try
        {
            var view = await f.World.AppointmentAsync(patient, id);
            Assert.False(view.GetProperty("canCancel").GetBoolean());
            var refused = await patient.Client.PostAsJsonAsync($"/api/scheduling/appointments/{id}/cancel", new { reason = "有事" });
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Equal("cancel_too_late", await SchedulingWorld.CodeAsync(refused));
            Assert.Equal("booked", (await f.World.AppointmentAsync(patient, id)).GetProperty("status").GetString());
            Assert.Equal(1, await f.World.CountAsync($"SELECT count(*) FROM slot_units WHERE slot_id = '{slotId}' AND held_by = '{id}'"));
        }
        finally
        {
            f.Clock.Offset = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task Cancelling_in_time_frees_the_unit_and_asks_the_his_to_cancel()
    {
        var (patient, id, slotId, _) = await ConfirmedAsync(10);
        Assert.True((await f.World.AppointmentAsync(patient, id)).GetProperty("canCancel").GetBoolean());

        var response = await patient.Client.PostAsJsonAsync($"/api/scheduling/appointments/{id}/cancel", new { reason = "行程有变" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cancelled = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        Assert.Equal(0, await f.World.CountAsync($"SELECT count(*) FROM slot_units WHERE slot_id = '{slotId}' AND held_by IS NOT NULL"));
        await f.Published.UntilAsync<HisAppointmentCancelRequestedIntegrationEvent>(e => e.AppointmentId == id);
        await f.Published.UntilAsync<AppointmentCancelledIntegrationEvent>(e => e.AppointmentId == id);
        var again = await patient.Client.PostAsJsonAsync($"/api/scheduling/appointments/{id}/cancel", new { });
        Assert.Equal("not_cancellable", await SchedulingWorld.CodeAsync(again));
    }

    [Fact]
    public async Task A_booking_cancelled_while_the_his_is_still_deciding_is_cancelled_there_at_once()
    {
        var clinic = await f.World.ClinicAsync();
        var slotId = await f.World.SlotAsync(clinic, SchedulingWorld.Local(f.World.Today.AddDays(1), 15), units: 1);
        var patient = await f.World.PatientAsync();
        var id = (await f.World.BookedAsync(patient, slotId)).GetProperty("id").GetGuid();

        var response = await patient.Client.PostAsJsonAsync($"/api/scheduling/appointments/{id}/cancel", new { reason = "行程有变" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The freed unit can be booked by someone else now: the HIS must hear of the cancellation before that booking.
        Assert.Equal(0, await f.World.CountAsync($"SELECT count(*) FROM slot_units WHERE slot_id = '{slotId}' AND held_by IS NOT NULL"));
        await f.Published.UntilAsync<HisAppointmentCancelRequestedIntegrationEvent>(e => e.AppointmentId == id);
    }

    [Fact]
    public async Task Rescheduling_takes_the_new_unit_and_cancels_the_old_booking_together()
    {
        var (patient, id, oldSlot, start) = await ConfirmedAsync(11);
        var clinic2 = await f.World.ClinicAsync();
        var newSlot = await f.World.SlotAsync(clinic2, start.AddDays(1), units: 1);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/scheduling/appointments/{id}/reschedule")
        {
            Content = JsonContent.Create(new { slotId = newSlot }),
        };
        request.Headers.Add("Idempotency-Key", "reschedule-0001");

        var response = await patient.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var moved = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(newSlot, moved.GetProperty("slotId").GetGuid());
        Assert.Equal("cancelled", (await f.World.AppointmentAsync(patient, id)).GetProperty("status").GetString());
        Assert.Equal(0, await f.World.CountAsync($"SELECT count(*) FROM slot_units WHERE slot_id = '{oldSlot}' AND held_by IS NOT NULL"));
        Assert.Equal(1, await f.World.CountAsync($"SELECT count(*) FROM slot_units WHERE slot_id = '{newSlot}' AND held_by = '{moved.GetProperty("id").GetGuid()}'"));
    }
}
