using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts.His;
using Platform.Contracts.Scheduling;
using Platform.Testing;

namespace Scheduling.Tests;

/// <summary>X13 for exams: 设备故障 holds the nearest equivalent window for the patient, taken in one tap or given back.</summary>
public sealed class ExamOfferTests(SchedulingFixture f) : IClassFixture<SchedulingFixture>
{
    /// <summary>CT rooms A (08:00, 08:30, 10:00) and B (09:00, 09:30) of one service, 30-minute windows of one unit; the
    /// patient booked A 08:00 for a CT and an ultrasound at 09:00, then A fails from 08:00 to 09:00.</summary>
    private sealed record Outage(TestPatient Patient, string Tag, DateOnly Day, Guid CtOrder, Guid Cancelled, Guid Ultrasound, Guid OutageId);

    private async Task RoomAsync(string tag, string room, string service, DateOnly day, params int[] startMinutes)
    {
        var slots = startMinutes.Select(m => SchedulingWorld.Local(day, 0).AddMinutes(m))
            .Select(s => new HisSlot($"slot-{room}-{tag}-{s:HHmm}", s, s.AddMinutes(30), "free", "1")).ToArray();
        await f.World.PublishAsync(new HisExamScheduleSlotsSyncedIntegrationEvent($"sch-{room}-{tag}", $"loc-{room}-{tag}", $"{room}室{tag}",
            "医技楼1楼", $"{service}-{tag}", service, "fsk", day, slots));
        await Eventually.Until(() => f.World.CountAsync($"SELECT count(*) FROM exam_units WHERE his_id LIKE 'slot-{room}-{tag}-%'"),
            n => n == slots.Length, what: "room synced");
    }

    private async Task<Guid> OrderAsync(TestPatient patient, string service, string tag)
    {
        await f.World.PublishAsync(new HisExamOrderSyncedIntegrationEvent($"sr-{service}-{tag}", patient.PatientId, service, $"{service}检查",
            "检查", $"{service}-{tag}", "", false, "内科 王医生", f.Clock.GetUtcNow().AddHours(-1), "active"));
        return (await Eventually.Until(
                async () => (await patient.Client.GetFromJsonAsync<JsonElement>($"/api/scheduling/exams/orders?patientId={patient.PatientId}")).EnumerateArray().ToList(),
                l => l.Any(o => o.GetProperty("serviceCode").GetString() == $"{service}-{tag}"), what: "order synced"))
            .Single(o => o.GetProperty("serviceCode").GetString() == $"{service}-{tag}").GetProperty("id").GetGuid();
    }

    private static async Task<List<JsonElement>> SlotsAsync(TestPatient patient, Guid order) =>
        (await patient.Client.GetFromJsonAsync<JsonElement>($"/api/scheduling/exams/orders/{order}/slots")).EnumerateArray().ToList();

    private static async Task<Guid> BookAtAsync(TestPatient patient, Guid order, DateTimeOffset startsAt)
    {
        var slot = (await SlotsAsync(patient, order)).First(s => s.GetProperty("startsAt").GetDateTimeOffset() == startsAt).GetProperty("id").GetGuid();
        var response = await SchedulingWorld.BookExamAsync(patient, order, slot);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<Outage> OutageAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var day = f.World.Today.AddDays(2);
        await RoomAsync(tag, "A", "ct", day, 8 * 60, 8 * 60 + 30, 10 * 60);
        await RoomAsync(tag, "B", "ct", day, 9 * 60, 9 * 60 + 30);
        await RoomAsync(tag, "C", "us", day, 9 * 60);
        var patient = await f.World.PatientAsync();
        var ct = await OrderAsync(patient, "ct", tag);
        var us = await OrderAsync(patient, "us", tag);
        var cancelled = await BookAtAsync(patient, ct, SchedulingWorld.Local(day, 8));
        var ultrasound = await BookAtAsync(patient, us, SchedulingWorld.Local(day, 9));
        var roomId = (await f.World.Staff().GetFromJsonAsync<JsonElement>($"/api/scheduling/admin/exam-rooms?date={day:yyyy-MM-dd}"))
            .EnumerateArray().Single(r => r.GetProperty("name").GetString() == $"A室{tag}").GetProperty("id").GetGuid();
        var from = SchedulingWorld.Local(day, 8);
        var response = await f.World.Staff().PostAsJsonAsync($"/api/scheduling/admin/exam-rooms/{roomId}/outage",
            new { from, to = from.AddHours(1), reason = "CT球管故障" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var outage = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        return new Outage(patient, tag, day, ct, cancelled, ultrasound, outage);
    }

    private static async Task<List<JsonElement>> OffersAsync(TestPatient patient) =>
        (await patient.Client.GetFromJsonAsync<JsonElement>($"/api/scheduling/exams/offers?patientId={patient.PatientId}")).EnumerateArray().ToList();

    private Task<long> FreeAsync(Outage o, string room, DateTimeOffset at) => f.World.CountAsync(
        $"SELECT count(*) FROM exam_units WHERE his_id = 'slot-{room}-{o.Tag}-{at:HHmm}' AND held_by IS NULL AND outage_id IS NULL");

    private Task<long> RequestedAsync(Guid appointment) => f.World.CountAsync(
        $"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%HisAppointmentRequestedIntegrationEvent%' AND payload::text LIKE '%{appointment}%'");

    [Fact]
    public async Task An_outage_holds_the_nearest_equivalent_window_outside_it_and_clear_of_the_patients_other_exams()
    {
        var o = await OutageAsync();

        var offer = Assert.Single(await OffersAsync(o.Patient));
        // A 08:30 is in the outage, B 09:00 overlaps the ultrasound: B 09:30 is the nearest, before A 10:00.
        Assert.Equal($"B室{o.Tag}", offer.GetProperty("roomName").GetString());
        Assert.Equal(SchedulingWorld.Local(o.Day, 9, 30), offer.GetProperty("startsAt").GetDateTimeOffset());
        Assert.Equal(o.CtOrder, offer.GetProperty("orderId").GetGuid());
        Assert.Equal("open", offer.GetProperty("status").GetString());
        Assert.True(offer.GetProperty("holdUntil").GetDateTimeOffset() > f.Clock.GetUtcNow());
        Assert.Equal(0, await FreeAsync(o, "B", SchedulingWorld.Local(o.Day, 9, 30)));
        Assert.DoesNotContain(await SlotsAsync(o.Patient, o.CtOrder),
            s => s.GetProperty("startsAt").GetDateTimeOffset() == SchedulingWorld.Local(o.Day, 9, 30));
        Assert.Contains((await f.World.ExamAppointmentAsync(o.Patient, o.Ultrasound)).GetProperty("status").GetString(), new[] { "locking", "booked" });
        // Held, so 一键排程 does not plan the order into another window.
        var plan = await o.Patient.Client.GetFromJsonAsync<JsonElement>($"/api/scheduling/exams/plan?patientId={o.Patient.PatientId}");
        Assert.Equal(0, plan.GetProperty("items").GetArrayLength());
        var told = await f.Published.UntilAsync<ExamRoomOutageIntegrationEvent>(e => e.OutageId == o.OutageId);
        Assert.Equal([o.Patient.PatientId], told.HeldForPatientIds!);
    }

    [Fact]
    public async Task A_failure_of_the_room_holding_the_window_holds_another_and_closes_the_old_one_at_the_his()
    {
        var o = await OutageAsync();
        var first = (await OffersAsync(o.Patient)).Single().GetProperty("id").GetGuid();
        var roomB = (await f.World.Staff().GetFromJsonAsync<JsonElement>($"/api/scheduling/admin/exam-rooms?date={o.Day:yyyy-MM-dd}"))
            .EnumerateArray().Single(r => r.GetProperty("name").GetString() == $"B室{o.Tag}").GetProperty("id").GetGuid();
        var from = SchedulingWorld.Local(o.Day, 9);

        var response = await f.World.Staff().PostAsJsonAsync($"/api/scheduling/admin/exam-rooms/{roomB}/outage",
            new { from, to = from.AddHours(1), reason = "设备断电" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await f.World.CountAsync($"SELECT count(*) FROM exam_offers WHERE id = '{first}' AND status = 'expired'"));
        var again = Assert.Single(await OffersAsync(o.Patient));
        Assert.Equal($"A室{o.Tag}", again.GetProperty("roomName").GetString());
        Assert.Equal(SchedulingWorld.Local(o.Day, 10), again.GetProperty("startsAt").GetDateTimeOffset());
        Assert.Equal(0, await f.World.CountAsync(
            $"SELECT count(*) FROM exam_units WHERE his_id = 'slot-B-{o.Tag}-0930' AND (held_by IS NOT NULL OR outage_id IS NULL)"));
        await f.Published.UntilAsync<HisSlotsCloseRequestedIntegrationEvent>(e => e.SlotHisIds.Contains($"slot-B-{o.Tag}-0930"));
        var outage = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var told = await f.Published.UntilAsync<ExamRoomOutageIntegrationEvent>(e => e.OutageId == outage);
        Assert.Equal([o.Patient.PatientId], told.HeldForPatientIds!);
    }

    [Fact]
    public async Task Accepting_books_the_held_window_for_the_order_and_asks_the_his_once_however_often_tapped()
    {
        var o = await OutageAsync();
        var offerId = (await OffersAsync(o.Patient)).Single().GetProperty("id").GetGuid();

        var taps = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => o.Patient.Client.PostAsync($"/api/scheduling/exams/offers/{offerId}/accept", null)));
        var again = await o.Patient.Client.PostAsync($"/api/scheduling/exams/offers/{offerId}/accept", null);

        Assert.All(taps.Append(again), r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        var ids = new List<Guid>();
        foreach (var r in taps.Append(again)) ids.Add((await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        var appointmentId = Assert.Single(ids.Distinct());
        var appointment = await f.World.ExamAppointmentAsync(o.Patient, appointmentId);
        Assert.Equal(o.CtOrder, appointment.GetProperty("orderId").GetGuid());
        Assert.Equal(SchedulingWorld.Local(o.Day, 9, 30), appointment.GetProperty("startsAt").GetDateTimeOffset());
        Assert.Equal($"B室{o.Tag}", appointment.GetProperty("roomName").GetString());
        await f.Published.UntilAsync<HisAppointmentRequestedIntegrationEvent>(e => e.AppointmentId == appointmentId);
        Assert.Equal(1, await RequestedAsync(appointmentId));
        Assert.Equal(1, await f.World.CountAsync($"SELECT count(*) FROM exam_units WHERE held_by = '{appointmentId}'"));
        Assert.Empty(await OffersAsync(o.Patient));
        Assert.Equal("offer_accepted", await SchedulingWorld.CodeAsync(await o.Patient.Client.PostAsync($"/api/scheduling/exams/offers/{offerId}/decline", null)));
    }

    [Fact]
    public async Task Declining_gives_the_window_back()
    {
        var o = await OutageAsync();
        var offerId = (await OffersAsync(o.Patient)).Single().GetProperty("id").GetGuid();

        var declined = await o.Patient.Client.PostAsync($"/api/scheduling/exams/offers/{offerId}/decline", null);

        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        Assert.Equal("declined", (await declined.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(1, await FreeAsync(o, "B", SchedulingWorld.Local(o.Day, 9, 30)));
        Assert.Empty(await OffersAsync(o.Patient));
        Assert.Equal("offer_declined", await SchedulingWorld.CodeAsync(await o.Patient.Client.PostAsync($"/api/scheduling/exams/offers/{offerId}/accept", null)));
        Assert.Equal(1, await FreeAsync(o, "B", SchedulingWorld.Local(o.Day, 9, 30)));
    }

    [Fact]
    public async Task Booking_the_order_another_way_gives_the_held_window_back()
    {
        var o = await OutageAsync();
        var offerId = (await OffersAsync(o.Patient)).Single().GetProperty("id").GetGuid();

        await BookAtAsync(o.Patient, o.CtOrder, SchedulingWorld.Local(o.Day, 10));

        Assert.Equal(1, await f.World.CountAsync($"SELECT count(*) FROM exam_offers WHERE id = '{offerId}' AND status = 'expired'"));
        Assert.Equal(1, await FreeAsync(o, "B", SchedulingWorld.Local(o.Day, 9, 30)));
        Assert.Empty(await OffersAsync(o.Patient));
    }

    [Fact]
    public async Task An_unanswered_hold_lapses_and_gives_the_window_back()
    {
        var o = await OutageAsync();
        var offerId = (await OffersAsync(o.Patient)).Single().GetProperty("id").GetGuid();

        f.Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
        try
        {
            await Eventually.Until(() => f.World.CountAsync($"SELECT count(*) FROM exam_offers WHERE id = '{offerId}' AND status = 'expired'"),
                n => n == 1, what: "the hold lapsed");
            Assert.Equal(1, await FreeAsync(o, "B", SchedulingWorld.Local(o.Day, 9, 30)));
            Assert.Empty(await OffersAsync(o.Patient));
            Assert.Equal("offer_expired", await SchedulingWorld.CodeAsync(await o.Patient.Client.PostAsync($"/api/scheduling/exams/offers/{offerId}/accept", null)));
        }
        finally
        {
            f.Clock.Offset = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task Another_account_cannot_see_accept_or_decline_the_hold()
    {
        var o = await OutageAsync();
        var offerId = (await OffersAsync(o.Patient)).Single().GetProperty("id").GetGuid();
        var stranger = await f.World.PatientAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.PostAsync($"/api/scheduling/exams/offers/{offerId}/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.PostAsync($"/api/scheduling/exams/offers/{offerId}/decline", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await stranger.Client.GetAsync($"/api/scheduling/exams/offers?patientId={o.Patient.PatientId}")).StatusCode);
        Assert.Equal(1, await f.World.CountAsync($"SELECT count(*) FROM exam_offers WHERE id = '{offerId}' AND status = 'open'"));
        Assert.Equal(0, await FreeAsync(o, "B", SchedulingWorld.Local(o.Day, 9, 30)));
        Assert.Equal(0, await f.World.CountAsync($"SELECT count(*) FROM exam_appointments WHERE account_id = '{stranger.AccountId}'"));
        Assert.Single(await OffersAsync(o.Patient));
        Assert.Equal("validation_failed", await SchedulingWorld.CodeAsync(await o.Patient.Client.GetAsync("/api/scheduling/exams/offers")));
        Assert.Equal("offer_not_found",
            await SchedulingWorld.CodeAsync(await o.Patient.Client.PostAsync($"/api/scheduling/exams/offers/{Guid.NewGuid()}/accept", null)));
    }
}
