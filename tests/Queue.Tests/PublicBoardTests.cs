using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Queue.Tests;

/// <summary>候诊信息 (R22) and the display board: open without sign-in, counts and numbers only.</summary>
public sealed class PublicBoardTests(QueueFixture fixture) : IClassFixture<QueueFixture>
{
    [Fact]
    public async Task Anyone_sees_waiting_counts_and_the_number_called_per_clinic_without_patient_details()
    {
        var clinic = new Clinic(fixture);
        var patients = new List<BookedPatient>();
        for (var i = 0; i < 3; i++) patients.Add(await clinic.BookAsync(TimeSpan.FromMinutes(10 + i)));
        foreach (var p in patients) await p.CheckInAsync();
        await clinic.ActAsync("call-next");

        var anonymous = fixture.Service.CreateClient();
        var overview = await anonymous.GetFromJsonAsync<JsonElement>("/api/queue/public/overview");
        // Scheduling is unreachable in this test: the page is told, and the queues still show.
        Assert.False(overview.GetProperty("slotsKnown").GetBoolean());
        var department = overview.GetProperty("departments").EnumerateArray().Single(d => d.GetProperty("name").GetString() == clinic.DepartmentName);
        Assert.Equal(JsonValueKind.Null, department.GetProperty("remainingToday").ValueKind);
        var mine = department.GetProperty("clinics").EnumerateArray().Single(c => c.GetProperty("location").GetString() == clinic.Location);
        Assert.Equal(2, mine.GetProperty("waitingCount").GetInt32());
        Assert.Equal(1, mine.GetProperty("callingNumber").GetInt32());

        var board = await anonymous.GetFromJsonAsync<JsonElement>($"/api/queue/public/board?area={Uri.EscapeDataString(clinic.Location[..^2])}");
        var shown = Assert.Single(board.GetProperty("clinics").EnumerateArray());
        Assert.Equal([2, 3], shown.GetProperty("nextNumbers").EnumerateArray().Select(n => n.GetInt32()));
        var text = board.GetRawText();
        foreach (var p in patients)
        {
            Assert.DoesNotContain(p.PatientId.ToString(), text);
            Assert.DoesNotContain(p.AppointmentId.ToString(), text);
        }

        var noArea = await anonymous.GetAsync("/api/queue/public/board");
        Assert.Equal(HttpStatusCode.BadRequest, noArea.StatusCode);
        Assert.Equal("area_required", (await noArea.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Anyone_sees_blood_draw_and_exam_check_in_status_with_numbers_only()
    {
        var station = new ExamRoom(fixture, "blood");
        var drawn = await station.BookAsync(TimeSpan.FromMinutes(5), "");
        var waiting = await station.BookAsync(TimeSpan.FromMinutes(6), "");
        await station.BookAsync(TimeSpan.FromMinutes(7), "");
        await drawn.CheckInAsync();
        await waiting.CheckInAsync();
        await station.ActAsync("call-next");
        var room = new ExamRoom(fixture);
        var exam = await room.BookAsync(TimeSpan.FromMinutes(20));

        var overview = await fixture.Service.CreateClient().GetFromJsonAsync<JsonElement>("/api/queue/public/overview");
        var blood = overview.GetProperty("bloodDraw").EnumerateArray().Single(r => r.GetProperty("location").GetString() == station.Location);
        Assert.Equal(3, blood.GetProperty("bookedToday").GetInt32());
        Assert.Equal(2, blood.GetProperty("checkedInToday").GetInt32());
        Assert.Equal(1, blood.GetProperty("waitingCount").GetInt32());
        Assert.Equal(1, blood.GetProperty("callingNumber").GetInt32());
        var ct = overview.GetProperty("exams").EnumerateArray().Single(r => r.GetProperty("location").GetString() == room.Location);
        Assert.Equal(1, ct.GetProperty("bookedToday").GetInt32());
        Assert.Equal(0, ct.GetProperty("checkedInToday").GetInt32());
        // Exam rooms are not clinics: the departments list stays the clinics'.
        Assert.DoesNotContain(overview.GetProperty("departments").EnumerateArray(), d => d.GetProperty("name").GetString() == "采血");
        var text = overview.GetRawText();
        foreach (var id in new[] { drawn.PatientId, waiting.PatientId, exam.PatientId, drawn.AppointmentId }) Assert.DoesNotContain(id.ToString(), text);
    }
}
