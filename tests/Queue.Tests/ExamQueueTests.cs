using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts.Scheduling;
using Platform.Testing;

namespace Queue.Tests;

/// <summary>Exam rooms and the blood-draw station: their queues open from Scheduling's confirmed exam bookings, patients
/// check in with the room's code, and staff (not doctors, not pharmacists) run them.</summary>
public sealed class ExamQueueTests(QueueFixture fixture) : IClassFixture<QueueFixture>
{
    [Fact]
    public async Task Staff_run_an_exam_rooms_queue_that_patients_check_in_to_with_its_code()
    {
        var room = new ExamRoom(fixture);
        var first = await room.BookAsync(TimeSpan.FromMinutes(10));
        var second = await room.BookAsync(TimeSpan.FromMinutes(20));

        var listed = await room.Staff.GetFromJsonAsync<JsonElement>("/api/queue/queues?kind=exam");
        var summary = listed.EnumerateArray().Single(q => q.GetProperty("id").GetGuid() == room.QueueId);
        Assert.Equal("exam", summary.GetProperty("kind").GetString());
        Assert.Equal(room.RoomName, summary.GetProperty("doctorName").GetString());
        // The clinics' list stays the clinics'.
        var clinics = await room.Staff.GetFromJsonAsync<JsonElement>("/api/queue/queues");
        Assert.DoesNotContain(clinics.EnumerateArray(), q => q.GetProperty("id").GetGuid() == room.QueueId);

        Assert.Equal(1, await second.CheckInAsync());
        Assert.Equal(2, await first.CheckInAsync());
        var mine = (await first.MineAsync())!.Value;
        Assert.Equal("exam", mine.GetProperty("kind").GetString());
        Assert.Equal(0, mine.GetProperty("peopleAhead").GetInt32());

        // A doctor or a pharmacist may not call an exam room; nothing moves.
        var doctor = fixture.DoctorClient("prac-any");
        await AssertRefusedAsync(await doctor.PostAsync($"/api/queue/queues/{room.QueueId}/call-next", null), "queue_staff_only");
        await AssertRefusedAsync(await fixture.PharmacistClient().PostAsync($"/api/queue/queues/{room.QueueId}/call-next", null), "queue_staff_only");
        Assert.Equal("waiting", (await first.MineAsync())!.Value.GetProperty("status").GetString());

        var called = await room.ActAsync("call-next");
        Assert.Equal(2, called.GetProperty("queue").GetProperty("callingNumber").GetInt32());
        Assert.Equal("called", (await first.MineAsync())!.Value.GetProperty("status").GetString());
        Assert.Equal(0, (await second.MineAsync())!.Value.GetProperty("peopleAhead").GetInt32());
    }

    [Fact]
    public async Task Blood_tests_queue_at_the_blood_draw_station_and_a_cancelled_exam_leaves_the_line()
    {
        var station = new ExamRoom(fixture, "blood");
        var staying = await station.BookAsync(TimeSpan.FromMinutes(5), "");
        var leaving = await station.BookAsync(TimeSpan.FromMinutes(5), "");
        await staying.CheckInAsync();
        await leaving.CheckInAsync();
        var listed = await station.Staff.GetFromJsonAsync<JsonElement>("/api/queue/queues?kind=blood");
        Assert.Equal(2, listed.EnumerateArray().Single(q => q.GetProperty("id").GetGuid() == station.QueueId).GetProperty("waitingCount").GetInt32());

        await fixture.PublishAsync(new ExamCancelledIntegrationEvent(leaving.AppointmentId, leaving.PatientId, "患者取消"));
        await Eventually.Until(() => leaving.MineAsync(), q => q is null, TimeSpan.FromSeconds(30), "the cancelled exam's ticket withdrawn");
        Assert.NotNull(await staying.MineAsync());

        var unknownKind = await station.Staff.GetAsync("/api/queue/queues?kind=icu");
        Assert.Equal(HttpStatusCode.BadRequest, unknownKind.StatusCode);
    }

    internal static async Task AssertRefusedAsync(HttpResponseMessage response, string code, HttpStatusCode status = HttpStatusCode.Forbidden)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", problem.GetProperty("detail").GetString());
    }
}
