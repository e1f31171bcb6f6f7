using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts.His;
using Platform.Contracts.Scheduling;
using Platform.Testing;

namespace Scheduling.Tests;

/// <summary>A clock of their own: these tests move it past offer holds.</summary>
public sealed class OffersFixture : SchedulingFixture;

/// <summary>X13: after 停诊 each cancelled patient is held the nearest equivalent window, to accept in one tap or to
/// decline (refund); a lapsed hold gives the unit back.</summary>
public sealed class OfferTests(OffersFixture f) : IClassFixture<OffersFixture>
{
    private sealed record Stopped(TestClinic Clinic, DateOnly Day, TestPatient Patient, Guid Cancelled, Guid Replacement, Guid SessionId);

    /// <summary>Day+1: 09:00 (one unit, booked by the patient) and 14:00 (one unit); staff stop the morning.</summary>
    private async Task<Stopped> StopBookedMorningAsync()
    {
        var clinic = await f.World.ClinicAsync();
        var day = f.World.Today.AddDays(1);
        var slots = await f.World.ScheduleDayAsync(clinic, day,
            [.. SchedulingWorld.Units(clinic, SchedulingWorld.Local(day, 9), 1), .. SchedulingWorld.Units(clinic, SchedulingWorld.Local(day, 14), 1)]);
        Guid SlotAt(int hour) => slots.Single(s => s.GetProperty("startsAt").GetDateTimeOffset() == SchedulingWorld.Local(day, hour)).GetProperty("id").GetGuid();
        var patient = await f.World.PatientAsync();
        var booked = (await f.World.BookedAsync(patient, SlotAt(9))).GetProperty("id").GetGuid();
        var session = (await f.World.AppointmentAsync(patient, booked)).GetProperty("sessionId").GetGuid();
        var stop = await f.World.Staff().PostAsJsonAsync($"/api/scheduling/admin/sessions/{session}/stop", new { reason = "医生外出会诊" });
        Assert.Equal(HttpStatusCode.OK, stop.StatusCode);
        return new Stopped(clinic, day, patient, booked, SlotAt(14), session);
    }

    private static async Task<JsonElement> OfferOfAsync(TestPatient patient, Guid cancelled) =>
        (await Eventually.Until(async () => await patient.Client.GetFromJsonAsync<JsonElement>("/api/scheduling/offers"),
            o => o.EnumerateArray().Any(x => x.GetProperty("cancelledAppointmentId").GetString() == cancelled.ToString()), what: "the offer"))
        .EnumerateArray().Single(x => x.GetProperty("cancelledAppointmentId").GetString() == cancelled.ToString());

    [Fact]
    public async Task Stopping_a_clinic_holds_the_nearest_equivalent_slot_for_each_cancelled_patient()
    {
        var s = await StopBookedMorningAsync();

        Assert.Equal("cancelled", (await f.World.AppointmentAsync(s.Patient, s.Cancelled)).GetProperty("status").GetString());
        var offer = await OfferOfAsync(s.Patient, s.Cancelled);
        Assert.Equal("rebooking", offer.GetProperty("kind").GetString());
        Assert.Equal(s.Replacement, offer.GetProperty("slotId").GetGuid());
        Assert.Equal("open", offer.GetProperty("status").GetString());
        var hold = offer.GetProperty("holdUntil").GetDateTimeOffset() - f.Clock.GetUtcNow();
        Assert.InRange(hold, TimeSpan.FromMinutes(110), TimeSpan.FromMinutes(121));
        // Held for this patient: nobody else sees or takes it.
        Assert.Equal(0, (await f.World.SlotAsync(s.Clinic, s.Replacement, s.Day)).GetProperty("remaining").GetInt32());
        var other = await f.World.PatientAsync();
        Assert.Equal("slot_full", await SchedulingWorld.CodeAsync(await SchedulingWorld.BookAsync(other.Client, s.Replacement, other.PatientId)));
        var offered = await f.Published.UntilAsync<SlotOfferedIntegrationEvent>(e => e.OfferId == offer.GetProperty("id").GetGuid());
        Assert.Equal(s.Patient.PatientId, offered.PatientId);
        Assert.Equal("rebooking", offered.Kind);
        Assert.Equal("王医生", offered.DoctorName);
        // Another account sees nothing of it.
        Assert.Empty((await other.Client.GetFromJsonAsync<JsonElement>("/api/scheduling/offers")).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.PostAsync($"/api/scheduling/offers/{offer.GetProperty("id")}/accept", null)).StatusCode);
    }

    [Fact]
    public async Task Accepting_is_one_tap_and_a_second_tap_returns_the_same_appointment()
    {
        var s = await StopBookedMorningAsync();
        var offerId = (await OfferOfAsync(s.Patient, s.Cancelled)).GetProperty("id").GetGuid();

        var taps = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => s.Patient.Client.PostAsync($"/api/scheduling/offers/{offerId}/accept", null)));

        Assert.All(taps, t => Assert.Equal(HttpStatusCode.Accepted, t.StatusCode));
        var ids = new HashSet<Guid>();
        foreach (var t in taps) ids.Add((await t.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        var id = Assert.Single(ids);
        var again = await s.Patient.Client.PostAsync($"/api/scheduling/offers/{offerId}/accept", null);
        Assert.Equal(id, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        var appointment = await f.World.AppointmentAsync(s.Patient, id);
        Assert.Equal(s.Replacement, appointment.GetProperty("slotId").GetGuid());
        Assert.Equal("locking", appointment.GetProperty("status").GetString());
        await f.Published.UntilAsync<HisAppointmentRequestedIntegrationEvent>(e => e.AppointmentId == id);
        Assert.Equal(1, await f.World.CountAsync($"SELECT count(*) FROM appointments WHERE patient_id = '{s.Patient.PatientId}' AND status = 'locking'"));
        Assert.Empty((await s.Patient.Client.GetFromJsonAsync<JsonElement>("/api/scheduling/offers")).EnumerateArray());
        Assert.Equal(0, (await f.World.SlotAsync(s.Clinic, s.Replacement, s.Day)).GetProperty("remaining").GetInt32());
        var decline = await s.Patient.Client.PostAsync($"/api/scheduling/offers/{offerId}/decline", null);
        Assert.Equal("offer_accepted", await SchedulingWorld.CodeAsync(decline));
    }

    [Fact]
    public async Task Declining_frees_the_unit_and_records_the_refund_request_on_the_cancelled_appointment()
    {
        var s = await StopBookedMorningAsync();
        var offerId = (await OfferOfAsync(s.Patient, s.Cancelled)).GetProperty("id").GetGuid();

        var decline = await s.Patient.Client.PostAsync($"/api/scheduling/offers/{offerId}/decline", null);

        Assert.Equal(HttpStatusCode.OK, decline.StatusCode);
        Assert.Equal("declined", (await decline.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(1, (await f.World.SlotAsync(s.Clinic, s.Replacement, s.Day)).GetProperty("remaining").GetInt32());
        var cancelled = await f.World.AppointmentAsync(s.Patient, s.Cancelled);
        Assert.Equal(JsonValueKind.String, cancelled.GetProperty("refundRequestedAt").ValueKind);
        Assert.Equal(0, cancelled.GetProperty("refundOwedFen").GetInt64()); // nothing was paid while payment is off
        Assert.Equal(HttpStatusCode.OK, (await s.Patient.Client.PostAsync($"/api/scheduling/offers/{offerId}/decline", null)).StatusCode);
        Assert.Equal("offer_declined", await SchedulingWorld.CodeAsync(await s.Patient.Client.PostAsync($"/api/scheduling/offers/{offerId}/accept", null)));
    }

    [Fact]
    public async Task A_hold_not_taken_in_time_expires_and_returns_the_unit()
    {
        var s = await StopBookedMorningAsync();
        var offerId = (await OfferOfAsync(s.Patient, s.Cancelled)).GetProperty("id").GetGuid();

        f.Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
        try
        {
            await Eventually.Until(() => s.Patient.Client.GetFromJsonAsync<JsonElement>($"/api/scheduling/offers/{offerId}"),
                o => o.GetProperty("status").GetString() == "expired", what: "the offer expired");
            Assert.Equal(1, (await f.World.SlotAsync(s.Clinic, s.Replacement, s.Day)).GetProperty("remaining").GetInt32());
            Assert.Equal("offer_expired", await SchedulingWorld.CodeAsync(await s.Patient.Client.PostAsync($"/api/scheduling/offers/{offerId}/accept", null)));
        }
        finally
        {
            f.Clock.Offset = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task A_stop_pushed_by_the_his_holds_rebookings_too_and_only_as_many_as_there_are_units()
    {
        var clinic = await f.World.ClinicAsync();
        var day = f.World.Today.AddDays(1);
        var slots = await f.World.ScheduleDayAsync(clinic, day,
            [.. SchedulingWorld.Units(clinic, SchedulingWorld.Local(day, 9), 3), .. SchedulingWorld.Units(clinic, SchedulingWorld.Local(day, 15), 1)]);
        var morning = slots.Single(x => x.GetProperty("startsAt").GetDateTimeOffset() == SchedulingWorld.Local(day, 9)).GetProperty("id").GetGuid();
        var afternoon = slots.Single(x => x.GetProperty("startsAt").GetDateTimeOffset() == SchedulingWorld.Local(day, 15)).GetProperty("id").GetGuid();
        var patients = await f.World.PatientsAsync(3);
        var booked = new List<Guid>();
        foreach (var p in patients) booked.Add((await f.World.BookedAsync(p, morning)).GetProperty("id").GetGuid());

        await f.World.PublishAsync(new ClinicStoppedIntegrationEvent(HisIds.SessionKey(clinic.ScheduleHisId, day, "AM"), "测试科", "王医生",
            SchedulingWorld.Local(day, 8), SchedulingWorld.Local(day, 12), "医生病假", patients.Select(p => p.PatientId).ToList()));

        for (var i = 0; i < 3; i++) await f.World.UntilStatusAsync(patients[i], booked[i], "cancelled");
        // Three cancelled, one equivalent unit: the first booked is held it, never more than the slot has.
        var offer = await OfferOfAsync(patients[0], booked[0]);
        Assert.Equal(afternoon, offer.GetProperty("slotId").GetGuid());
        Assert.Equal(1, await f.World.CountAsync($"SELECT count(*) FROM slot_offers WHERE slot_id = '{afternoon}'"));
        Assert.Equal(0, await f.World.CountAsync(
            $"SELECT count(*) FROM slots s WHERE s.id = '{afternoon}' AND (SELECT count(*) FROM slot_units u WHERE u.slot_id = s.id) < "
            + $"(SELECT count(*) FROM slot_offers o WHERE o.slot_id = s.id AND o.status = 'open') + (SELECT count(*) FROM appointments a WHERE a.slot_id = s.id AND a.status IN ('locking','awaitingPayment','booked'))"));
        Assert.DoesNotContain(f.Published.Of<HisSessionStopRequestedIntegrationEvent>(), e => e.ScheduleHisId == clinic.ScheduleHisId);
    }
}
