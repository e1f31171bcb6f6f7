using System.Text.Json;
using Platform.Contracts.His;
using Platform.Testing;

namespace HisAdapter.Tests;

/// <summary>Staff's 加诊 and an exam room's 设备故障/恢复, as the HIS sees them.</summary>
public sealed partial class HisAdapterTests
{
    private const string SessionRequestSystem = "http://platform.jcsy.example/sid/session-request";

    private async Task<string> DepartmentOfAsync(string schedule) =>
        (await fixture.His.FhirAsync(HttpMethod.Get, $"Schedule/{schedule}")).Body.GetProperty("serviceType")[0].GetProperty("coding")[0]
        .GetProperty("code").GetString()!;

    private async Task<List<JsonElement>> SearchAsync(string query)
    {
        var (_, page) = await fixture.His.FhirAsync(HttpMethod.Get, query);
        return page.TryGetProperty("entry", out var entries) ? entries.EnumerateArray().Select(e => e.GetProperty("resource")).ToList() : [];
    }

    [Fact]
    public async Task An_added_session_is_one_valid_transaction_at_the_his_and_the_slot_sync_brings_it()
    {
        // Past the seeded four weeks: the doctor is free that afternoon.
        var date = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(35);
        var start = new DateTimeOffset(date.ToDateTime(new TimeOnly(14, 0)), TimeSpan.FromHours(8));
        var request = new HisSessionAddRequestedIntegrationEvent(Guid.NewGuid(), "prac-020", await DepartmentOfAsync("sch-020"), date, "PM", start, 15, 3);

        await fixture.PublishAsync(request);
        await fixture.PublishAsync(request with { Id = Guid.NewGuid() }); // a second delivery of the same request

        await Eventually.Until(() => fixture.EventsAsync("HisSessionAddedIntegrationEvent", request.RequestId.ToString()), n => n == 1, Wait, "the session added");
        var schedules = await SearchAsync($"Schedule?identifier={SessionRequestSystem}|{request.RequestId}");
        var schedule = Assert.Single(schedules);
        var id = schedule.GetProperty("id").GetString()!;
        Assert.Equal("Practitioner/prac-020", schedule.GetProperty("actor")[0].GetProperty("reference").GetString());
        var slots = (await SearchAsync($"Slot?schedule=Schedule/{id}&_sort=start")).ToList();
        Assert.Equal(3, slots.Count);
        Assert.All(slots, s => Assert.Equal("free", s.GetProperty("status").GetString()));
        Assert.Equal(start, slots[0].GetProperty("start").GetDateTimeOffset());
        Assert.Equal(start.AddMinutes(45), slots[2].GetProperty("end").GetDateTimeOffset());
        await Referee.AssertValidAsync([schedule, .. slots]);
        Assert.Equal(1, await fixture.Database.ScalarAsync($"SELECT count(*) FROM his_commands WHERE command_key = 'add-session:{request.RequestId}' AND status = 'done'"));
        // The normal slot sync then publishes the new schedule's day for Scheduling.
        await Eventually.Until(() => fixture.EventsAsync("HisScheduleSlotsSyncedIntegrationEvent", $"\"scheduleHisId\": \"{id}\""), n => n >= 1, Wait,
            "the new session synced");
    }

    [Fact]
    public async Task A_session_clashing_with_the_doctors_timetable_is_refused_in_the_his_words_and_nothing_is_created()
    {
        var (date, period, _) = await SessionAsync("sch-021");
        var start = new DateTimeOffset(date.ToDateTime(new TimeOnly(period == "AM" ? 8 : 14, 0)), TimeSpan.FromHours(8));
        var request = new HisSessionAddRequestedIntegrationEvent(Guid.NewGuid(), "prac-021", await DepartmentOfAsync("sch-021"), date, period, start, 15, 4);

        await fixture.PublishAsync(request);

        await Eventually.Until(() => fixture.EventsAsync("HisSessionAddRefusedIntegrationEvent", request.RequestId.ToString(), "已有出诊"), n => n == 1, Wait,
            "the refusal");
        Assert.Empty(await SearchAsync($"Schedule?identifier={SessionRequestSystem}|{request.RequestId}"));
        Assert.Equal(0, await fixture.EventsAsync("HisSessionAddedIntegrationEvent", request.RequestId.ToString()));
        Assert.Equal(1, await fixture.Database.ScalarAsync($"SELECT count(*) FROM his_commands WHERE command_key = 'add-session:{request.RequestId}' AND status = 'refused'"));
    }

    [Fact]
    public async Task Broken_equipment_closes_free_and_booked_slots_and_recovery_reopens_only_what_the_outage_closed()
    {
        var (_, _, slots) = await SessionAsync("sch-022");
        var free = slots.Where(s => s.Status == "free").Select(s => s.Id).Take(3).ToList();
        Assert.Equal(3, free.Count);
        await fixture.His.SimAsync("faults", new { takeSlot = free[1] }); // booked meanwhile
        var limit = new HisSlotsCloseRequestedIntegrationEvent([free[2]], "医生开会");
        await fixture.PublishAsync(limit);
        await Eventually.Until(() => SlotStatusAsync(free[2]), s => s == "busy-unavailable", Wait, "the 限号");

        var outage = new HisSlotsCloseRequestedIntegrationEvent([.. free], "设备故障：CT球管故障", Outage: true);
        await fixture.PublishAsync(outage);
        await Eventually.Until(() => fixture.Database.ScalarAsync($"SELECT count(*) FROM his_commands WHERE command_key = 'close-slots:{outage.Id}' AND status = 'done'"),
            n => n == 1, Wait, "the outage closed");
        foreach (var id in free.Take(2))
        {
            var (_, slot) = await fixture.His.FhirAsync(HttpMethod.Get, $"Slot/{id}");
            Assert.Equal("busy-unavailable", slot.GetProperty("status").GetString());
            Assert.Equal("设备故障：CT球管故障", slot.GetProperty("comment").GetString());
        }

        var reopen = new HisSlotsReopenRequestedIntegrationEvent([.. free], "设备恢复：CT球管故障");
        await fixture.PublishAsync(reopen);
        await Eventually.Until(() => fixture.Database.ScalarAsync($"SELECT count(*) FROM his_commands WHERE command_key = 'reopen-slots:{reopen.Id}' AND status = 'done'"),
            n => n == 1, Wait, "the recovery");
        Assert.Equal("free", await SlotStatusAsync(free[0]));
        Assert.Equal("free", await SlotStatusAsync(free[1]));
        Assert.Equal("busy-unavailable", await SlotStatusAsync(free[2])); // closed by 限号, not by the outage
    }
}
