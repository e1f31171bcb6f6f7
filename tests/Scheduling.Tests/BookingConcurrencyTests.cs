using System.Net;
using Platform.Testing;

namespace Scheduling.Tests;

public sealed class BookingConcurrencyTests(SchedulingFixture f) : IClassFixture<SchedulingFixture>
{
    [Fact]
    public async Task Three_hundred_patients_at_once_on_a_window_of_five_units_book_exactly_five()
    {
        var clinic = await f.World.ClinicAsync();
        var slotId = await f.World.SlotAsync(clinic, SchedulingWorld.Local(f.World.Today.AddDays(1), 9), units: 5);
        var patients = await f.World.PatientsAsync(300);

        var responses = await Task.WhenAll(patients.Select(p => SchedulingWorld.BookAsync(p.Client, slotId, p.PatientId)));

        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.Accepted));
        Assert.Equal(295, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var codes = await Task.WhenAll(responses.Where(r => r.StatusCode == HttpStatusCode.Conflict).Select(SchedulingWorld.CodeAsync));
        Assert.All(codes, c => Assert.Equal("slot_full", c));
        Assert.Equal(5, await f.World.CountAsync($"SELECT count(*) FROM slot_units WHERE slot_id = '{slotId}' AND held_by IS NOT NULL"));
        Assert.Equal(5, await f.World.CountAsync($"SELECT count(DISTINCT held_by) FROM slot_units WHERE slot_id = '{slotId}'"));
        Assert.Equal(5, await f.World.CountAsync($"SELECT count(*) FROM appointments WHERE slot_id = '{slotId}' AND status = 'locking'"));
        Assert.Equal(5, await f.World.CountAsync(
            $"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%HisAppointmentRequested%' AND payload->>'appointmentId' IN (SELECT id::text FROM appointments WHERE slot_id = '{slotId}')"));
        var slot = await f.World.SlotAsync(clinic, slotId, f.World.Today.AddDays(1));
        Assert.Equal(0, slot.GetProperty("remaining").GetInt32());
        Assert.Equal("full", slot.GetProperty("status").GetString());
    }
}
