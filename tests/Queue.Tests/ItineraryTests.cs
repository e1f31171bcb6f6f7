using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Payment;
using Platform.Contracts.Scheduling;
using Platform.Testing;

namespace Queue.Tests;

/// <summary>今日行程 (X07): one patient's day — check in, see the doctor, exams ordered by the queues as they stand, pay, pick
/// up — each step ticked off as the queues report it.</summary>
public sealed class ItineraryTests(QueueFixture fixture) : IClassFixture<QueueFixture>
{
    private async Task BookExamAsync(BookedPatient patient, ExamRoom room, string item, string preparation, TimeSpan startsIn)
    {
        var appointmentId = Guid.NewGuid();
        var startsAt = fixture.Clock.GetUtcNow() + startsIn;
        await fixture.PublishAsync(new ExamBookedIntegrationEvent(appointmentId, patient.PatientId, item, room.Kind == "blood" ? "blood" : "ct",
            room.RoomName, room.Location, startsAt, startsAt.AddMinutes(15), preparation, preparation.Contains("空腹")));
        await Eventually.Until(() => fixture.QueryAsync(db => db.Appointments.AnyAsync(a => a.Id == appointmentId)), found => found,
            TimeSpan.FromSeconds(30), $"the exam {item} in Queue");
    }

    /// <summary>An exam room with <paramref name="waiting"/> other patients checked in and waiting.</summary>
    private async Task<ExamRoom> RoomWithLineAsync(int waiting, string serviceCode = "ct")
    {
        var room = new ExamRoom(fixture, serviceCode);
        for (var i = 0; i < waiting; i++) await (await room.BookAsync(TimeSpan.FromMinutes(5), "")).CheckInAsync();
        if (waiting == 0) await room.BookAsync(TimeSpan.FromMinutes(5), "");
        return room;
    }

    private static async Task<List<JsonElement>> StepsAsync(HttpClient client, Guid? patientId = null)
    {
        var itinerary = await client.GetFromJsonAsync<JsonElement>($"/api/queue/itinerary{(patientId is { } id ? $"?patientId={id}" : "")}");
        return itinerary.GetProperty("steps").EnumerateArray().ToList();
    }

    private static string Kinds(IEnumerable<JsonElement> steps) => string.Join(",", steps.Select(s => s.GetProperty("kind").GetString()));

    private static string Str(JsonElement step, string name) => step.GetProperty(name).GetString()!;

    [Fact]
    public async Task The_day_runs_check_in_clinic_exams_payment_pharmacy_with_the_shorter_exam_queue_first()
    {
        var longLine = await RoomWithLineAsync(3);
        var shortLine = await RoomWithLineAsync(0);
        var clinic = new Clinic(fixture);
        var patient = await clinic.BookAsync(TimeSpan.FromMinutes(10));
        // Booked in this order, the long queue's exam first; neither needs fasting or a full bladder.
        await BookExamAsync(patient, longLine, "胸部CT平扫", "去除颈胸部金属饰品", TimeSpan.FromMinutes(30));
        await BookExamAsync(patient, shortLine, "头颅CT平扫", "", TimeSpan.FromMinutes(45));

        var steps = await StepsAsync(patient.Client);
        Assert.Equal("check-in,clinic,exam,exam,payment,pharmacy", Kinds(steps));
        Assert.Equal(["current", "upcoming", "upcoming", "upcoming", "upcoming", "upcoming"], steps.Select(s => Str(s, "status")));
        Assert.Equal($"map-{clinic.DepartmentName}", Str(steps[0], "placeId"));
        Assert.Equal("检查：头颅CT平扫", Str(steps[2], "title"));
        Assert.Equal(0, steps[2].GetProperty("queueAhead").GetInt32());
        Assert.StartsWith("先做头颅CT平扫：排队人数较少", Str(steps[2], "why"));
        Assert.Equal("检查：胸部CT平扫", Str(steps[3], "title"));
        Assert.Equal(3, steps[3].GetProperty("queueAhead").GetInt32());
        Assert.Equal(24, steps[3].GetProperty("estimatedWaitMinutes").GetInt32());
        Assert.Equal("main-mzl-1-payment", Str(steps[4], "placeId"));

        // The short line grows past the long one: the order follows.
        for (var i = 0; i < 5; i++) await (await shortLine.BookAsync(TimeSpan.FromMinutes(5), "")).CheckInAsync();
        steps = await StepsAsync(patient.Client);
        Assert.Equal(["检查：胸部CT平扫", "检查：头颅CT平扫"], steps.Where(s => Str(s, "kind") == "exam").Select(s => Str(s, "title")));
    }

    [Fact]
    public async Task A_fasting_test_goes_first_and_a_full_bladder_scan_last_whatever_the_queues()
    {
        var fasting = await RoomWithLineAsync(4, "blood");
        var bladder = await RoomWithLineAsync(0);
        var free = await RoomWithLineAsync(2);
        var clinic = new Clinic(fixture);
        var patient = await clinic.BookAsync(TimeSpan.FromMinutes(10));
        await BookExamAsync(patient, bladder, "盆腔超声", "检查前1小时饮水500毫升，憋尿", TimeSpan.FromMinutes(20));
        await BookExamAsync(patient, free, "甲状腺超声", "无需空腹，请穿低领上衣", TimeSpan.FromMinutes(25));
        await BookExamAsync(patient, fasting, "空腹血糖", "检查前空腹8小时", TimeSpan.FromMinutes(30));

        var exams = (await StepsAsync(patient.Client)).Where(s => Str(s, "kind") is "exam" or "blood").ToList();
        Assert.Equal(["采血：空腹血糖", "检查：甲状腺超声", "检查：盆腔超声"], exams.Select(s => Str(s, "title")));
        Assert.Contains("需空腹", Str(exams[0], "why"));
        Assert.Contains("需憋尿", Str(exams[2], "why"));
    }

    [Fact]
    public async Task Steps_tick_off_as_the_patient_checks_in_is_called_seen_and_pays()
    {
        var room = await RoomWithLineAsync(0);
        var clinic = new Clinic(fixture);
        var patient = await clinic.BookAsync(TimeSpan.FromMinutes(10));
        var next = await clinic.BookAsync(TimeSpan.FromMinutes(20));
        await BookExamAsync(patient, room, "胸部CT平扫", "", TimeSpan.FromMinutes(40));

        var number = await patient.CheckInAsync();
        var steps = await StepsAsync(patient.Client);
        Assert.Equal("done", Str(steps[0], "status"));
        Assert.Equal($"已报到，{number}号", Str(steps[0], "why"));
        Assert.Equal("current", Str(steps[1], "status"));
        Assert.Equal("waiting", Str(steps[1], "ticketStatus"));

        await next.CheckInAsync();
        await clinic.ActAsync("call-next");
        steps = await StepsAsync(patient.Client);
        Assert.Equal("current", Str(steps[1], "status"));
        Assert.StartsWith("正在叫您的号", Str(steps[1], "why"));

        await clinic.ActAsync("call-next");
        steps = await StepsAsync(patient.Client);
        Assert.Equal("done", Str(steps[1], "status"));
        Assert.Equal("exam", Str(steps[2], "kind"));
        Assert.Equal("current", Str(steps[2], "status"));

        await fixture.PublishAsync(new PaymentSucceededIntegrationEvent(Guid.NewGuid(), patient.PatientId, OrderKinds.Outpatient, Guid.NewGuid(),
            5000, "门诊缴费", fixture.Clock.GetUtcNow()));
        var paid = await Eventually.Until(() => StepsAsync(patient.Client), s => Str(s.Single(x => Str(x, "kind") == "payment"), "status") == "done",
            TimeSpan.FromSeconds(30), "the payment step ticked off");
        Assert.Equal("current", Str(paid[2], "status"));
    }

    [Fact]
    public async Task Another_patients_itinerary_is_refused_in_chinese_and_an_account_without_visits_has_an_empty_day()
    {
        var clinic = new Clinic(fixture);
        var patient = await clinic.BookAsync(TimeSpan.FromMinutes(10));
        var stranger = fixture.PatientClient(Guid.NewGuid());

        var refused = await stranger.GetAsync($"/api/queue/itinerary?patientId={patient.PatientId}");
        await ExamQueueTests.AssertRefusedAsync(refused, "itinerary_not_yours");

        var empty = await stranger.GetFromJsonAsync<JsonElement>("/api/queue/itinerary");
        Assert.Empty(empty.GetProperty("steps").EnumerateArray());
        Assert.Equal(2, (await StepsAsync(patient.Client, patient.PatientId)).Count(s => Str(s, "kind") is "check-in" or "clinic"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Service.CreateClient().GetAsync("/api/queue/itinerary")).StatusCode);
    }
}
