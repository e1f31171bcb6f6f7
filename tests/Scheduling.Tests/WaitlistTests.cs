using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts.Scheduling;
using Platform.Testing;

namespace Scheduling.Tests;

public sealed class WaitlistFixture : SchedulingFixture;

/// <summary>X14: a full session's waitlist is served in join order; an offer not taken in time passes to the next.</summary>
public sealed class WaitlistTests(WaitlistFixture f) : IClassFixture<WaitlistFixture>
{
    /// <summary>Day+1 09:00 with one unit, booked by the first patient.</summary>
    private async Task<(TestClinic Clinic, DateOnly Day, Guid SlotId, Guid SessionId, TestPatient Holder, Guid Booked)> FullSessionAsync()
    {
        var clinic = await f.World.ClinicAsync();
        var day = f.World.Today.AddDays(1);
        var slotId = await f.World.SlotAsync(clinic, SchedulingWorld.Local(day, 9), units: 1);
        var holder = await f.World.PatientAsync();
        var booked = (await f.World.BookedAsync(holder, slotId)).GetProperty("id").GetGuid();
        var session = (await f.World.AppointmentAsync(holder, booked)).GetProperty("sessionId").GetGuid();
        return (clinic, day, slotId, session, holder, booked);
    }

    private static Task<HttpResponseMessage> JoinAsync(TestPatient p, Guid sessionId) =>
        p.Client.PostAsJsonAsync("/api/scheduling/waitlist", new { sessionId, patientId = p.PatientId });

    private static async Task<List<JsonElement>> OffersAsync(TestPatient p) =>
        (await p.Client.GetFromJsonAsync<JsonElement>("/api/scheduling/offers")).EnumerateArray().ToList();

    private static Task<List<JsonElement>> UntilOfferedAsync(TestPatient p) =>
        Eventually.Until(() => OffersAsync(p), o => o.Count == 1, what: "a waitlist offer");

    [Fact]
    public async Task Joining_is_for_full_sessions_once_per_patient_and_not_for_someone_already_booked()
    {
        var s = await FullSessionAsync();
        var waiter = await f.World.PatientAsync();

        var joined = await JoinAsync(waiter, s.SessionId);
        Assert.Equal(HttpStatusCode.Created, joined.StatusCode);
        var entry = await joined.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, entry.GetProperty("position").GetInt32());
        Assert.Equal("候补中", entry.GetProperty("statusText").GetString());

        Assert.Equal("already_waiting", await SchedulingWorld.CodeAsync(await JoinAsync(waiter, s.SessionId)));
        Assert.Equal("already_booked", await SchedulingWorld.CodeAsync(await JoinAsync(s.Holder, s.SessionId)));
        var roomy = await f.World.ClinicAsync();
        var roomySlot = await f.World.SlotAsync(roomy, SchedulingWorld.Local(s.Day, 10), units: 2);
        var roomySession = (await f.World.SlotAsync(roomy, roomySlot, s.Day)).GetProperty("sessionId").GetGuid();
        var room = await JoinAsync(waiter, roomySession);
        Assert.Equal(HttpStatusCode.Conflict, room.StatusCode);
        Assert.Equal("session_has_room", await SchedulingWorld.CodeAsync(room));
        Assert.Equal("session_not_found", await SchedulingWorld.CodeAsync(await JoinAsync(waiter, Guid.NewGuid())));
        var stranger = await f.World.PatientAsync();
        var forged = await stranger.Client.PostAsJsonAsync("/api/scheduling/waitlist", new { sessionId = s.SessionId, patientId = waiter.PatientId });
        Assert.Equal("patient_not_linked", await SchedulingWorld.CodeAsync(forged));
        Assert.Equal("validation_failed", await SchedulingWorld.CodeAsync(await waiter.Client.PostAsJsonAsync("/api/scheduling/waitlist", new { })));

        var mine = (await waiter.Client.GetFromJsonAsync<JsonElement>("/api/scheduling/waitlist")).EnumerateArray().ToList();
        Assert.Equal(entry.GetProperty("id").GetGuid(), Assert.Single(mine).GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.DeleteAsync($"/api/scheduling/waitlist/{entry.GetProperty("id")}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await waiter.Client.DeleteAsync($"/api/scheduling/waitlist/{entry.GetProperty("id")}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await waiter.Client.DeleteAsync($"/api/scheduling/waitlist/{entry.GetProperty("id")}")).StatusCode);
        Assert.Empty((await waiter.Client.GetFromJsonAsync<JsonElement>("/api/scheduling/waitlist")).EnumerateArray());
    }

    [Fact]
    public async Task A_freed_unit_goes_to_the_first_waiting_and_passes_to_the_next_when_the_hold_lapses()
    {
        var s = await FullSessionAsync();
        var waiters = await f.World.PatientsAsync(2);
        foreach (var w in waiters) Assert.Equal(HttpStatusCode.Created, (await JoinAsync(w, s.SessionId)).StatusCode);
        var late = await f.World.PatientAsync();

        Assert.Equal(HttpStatusCode.OK, (await s.Holder.Client.PostAsJsonAsync($"/api/scheduling/appointments/{s.Booked}/cancel", new { })).StatusCode);

        var first = Assert.Single(await UntilOfferedAsync(waiters[0]));
        Assert.Equal("waitlist", first.GetProperty("kind").GetString());
        Assert.Equal(s.SlotId, first.GetProperty("slotId").GetGuid());
        Assert.InRange(first.GetProperty("holdUntil").GetDateTimeOffset() - f.Clock.GetUtcNow(), TimeSpan.FromMinutes(25), TimeSpan.FromMinutes(31));
        Assert.Empty(await OffersAsync(waiters[1]));
        await f.Published.UntilAsync<SlotOfferedIntegrationEvent>(e => e.OfferId == first.GetProperty("id").GetGuid() && e.Kind == "waitlist");
        // The freed unit is the waitlist's: someone arriving now finds the slot full.
        Assert.Equal(0, (await f.World.SlotAsync(s.Clinic, s.SlotId, s.Day)).GetProperty("remaining").GetInt32());
        Assert.Equal("slot_full", await SchedulingWorld.CodeAsync(await SchedulingWorld.BookAsync(late.Client, s.SlotId, late.PatientId)));

        f.Clock.Advance(TimeSpan.FromMinutes(31));
        try
        {
            var second = Assert.Single(await UntilOfferedAsync(waiters[1]));
            Assert.Equal("expired", (await waiters[0].Client.GetFromJsonAsync<JsonElement>($"/api/scheduling/offers/{first.GetProperty("id")}"))
                .GetProperty("status").GetString());
            Assert.Empty((await waiters[0].Client.GetFromJsonAsync<JsonElement>("/api/scheduling/waitlist")).EnumerateArray());

            var accept = await waiters[1].Client.PostAsync($"/api/scheduling/offers/{second.GetProperty("id")}/accept", null);
            Assert.Equal(HttpStatusCode.Accepted, accept.StatusCode);
            var appointment = await accept.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(s.SlotId, appointment.GetProperty("slotId").GetGuid());
            Assert.Equal("locking", appointment.GetProperty("status").GetString());
            Assert.Empty((await waiters[1].Client.GetFromJsonAsync<JsonElement>("/api/scheduling/waitlist")).EnumerateArray());
            Assert.Equal(1, await f.World.CountAsync(
                $"SELECT count(*) FROM appointments WHERE slot_id = '{s.SlotId}' AND status IN ('locking','awaitingPayment','booked')"));
        }
        finally
        {
            f.Clock.Offset = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task A_waiter_who_declines_or_leaves_passes_the_unit_on_and_the_slot_is_never_oversold()
    {
        var s = await FullSessionAsync();
        var waiters = await f.World.PatientsAsync(3);
        foreach (var w in waiters) Assert.Equal(HttpStatusCode.Created, (await JoinAsync(w, s.SessionId)).StatusCode);
        var rushers = await f.World.PatientsAsync(10);

        await s.Holder.Client.PostAsJsonAsync($"/api/scheduling/appointments/{s.Booked}/cancel", new { });
        // Everyone else rushes the freed slot while the waitlist is served.
        var rush = rushers.Select(r => SchedulingWorld.BookAsync(r.Client, s.SlotId, r.PatientId)).ToList();
        var first = Assert.Single(await UntilOfferedAsync(waiters[0]));
        Assert.All(await Task.WhenAll(rush), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));

        Assert.Equal(HttpStatusCode.OK, (await waiters[0].Client.PostAsync($"/api/scheduling/offers/{first.GetProperty("id")}/decline", null)).StatusCode);
        var second = Assert.Single(await UntilOfferedAsync(waiters[1]));
        var entry = (await waiters[1].Client.GetFromJsonAsync<JsonElement>("/api/scheduling/waitlist")).EnumerateArray().Single();
        Assert.Equal("offered", entry.GetProperty("status").GetString());
        Assert.Equal(second.GetProperty("id").GetGuid(), entry.GetProperty("offerId").GetGuid());
        Assert.Equal(HttpStatusCode.NoContent, (await waiters[1].Client.DeleteAsync($"/api/scheduling/waitlist/{entry.GetProperty("id")}")).StatusCode);

        var third = Assert.Single(await UntilOfferedAsync(waiters[2]));
        Assert.Equal(HttpStatusCode.Accepted, (await waiters[2].Client.PostAsync($"/api/scheduling/offers/{third.GetProperty("id")}/accept", null)).StatusCode);
        Assert.Equal(0, await f.World.CountAsync($"SELECT count(*) FROM slot_units WHERE slot_id = '{s.SlotId}' AND held_by IS NULL"));
        Assert.Equal(1, await f.World.CountAsync(
            $"SELECT count(*) FROM appointments WHERE slot_id = '{s.SlotId}' AND status IN ('locking','awaitingPayment','booked')"));
        Assert.Equal(0, await f.World.CountAsync($"SELECT count(*) FROM slot_offers WHERE slot_id = '{s.SlotId}' AND status = 'open'"));
        // With nobody left waiting, a unit freed later is anyone's again.
        Assert.Equal(0, await f.World.CountAsync($"SELECT count(*) FROM waitlist_entries WHERE session_id = '{s.SessionId}' AND status = 'waiting'"));
    }
}
