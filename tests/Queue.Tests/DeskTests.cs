using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts.Queue;
using Platform.Testing;

namespace Queue.Tests;

/// <summary>The doctor's 叫号: call next, recall, skip (back three places), absent; each change reaches the patients in the
/// line as an event, with 即将就诊 for the third and 叫号 for the called.</summary>
public sealed class DeskTests(QueueFixture fixture) : IClassFixture<QueueFixture>
{
    [Fact]
    public async Task Calling_next_takes_the_line_in_order_and_tells_the_patients()
    {
        var clinic = new Clinic(fixture);
        var patients = new List<BookedPatient>();
        for (var i = 0; i < 4; i++) patients.Add(await clinic.BookAsync(TimeSpan.FromMinutes(10 + i)));
        foreach (var p in patients) await p.CheckInAsync();

        // The first three in line hear they are near (the third with two ahead), the fourth not yet.
        var near = await fixture.Published.UntilAsync<QueueTurnNearIntegrationEvent>(e => e.PatientId == patients[2].PatientId);
        Assert.Equal(2, near.PeopleAhead);
        Assert.Equal(clinic.Location, near.Location);

        var detail = await clinic.ActAsync("call-next");
        Assert.Equal(1, detail.GetProperty("queue").GetProperty("callingNumber").GetInt32());
        var called = await fixture.Published.UntilAsync<QueueCalledIntegrationEvent>(e => e.PatientId == patients[0].PatientId);
        Assert.False(called.Recall);
        var changed = await fixture.Published.UntilAsync<QueueChangedIntegrationEvent>(e => e.QueueId == clinic.QueueId && e.Change == "call-next");
        Assert.Equal(1, changed.CallingNumber);
        Assert.Equal(patients.Select(p => p.PatientId).Order(), changed.PatientIds.Order());

        // Now the fourth is third in line.
        var fourthNear = await fixture.Published.UntilAsync<QueueTurnNearIntegrationEvent>(e => e.PatientId == patients[3].PatientId);
        Assert.Equal(2, fourthNear.PeopleAhead);
        Assert.Single(fixture.Published.Of<QueueTurnNearIntegrationEvent>(), e => e.PatientId == patients[2].PatientId);

        var mine = await patients[0].MineAsync();
        Assert.Equal("called", mine.GetProperty("status").GetString());
        var second = await patients[1].MineAsync();
        Assert.Equal(0, second.GetProperty("peopleAhead").GetInt32());
        Assert.Equal(1, second.GetProperty("callingNumber").GetInt32());

        await clinic.ActAsync("call-next");
        Assert.Equal([3, 4], await clinic.WaitingNumbersAsync());
        Assert.DoesNotContain(await patients[0].Client.GetFromJsonAsync<JsonElement[]>("/api/queue/me") ?? [], _ => true);
    }

    [Fact]
    public async Task Recall_calls_the_same_number_again()
    {
        var clinic = new Clinic(fixture);
        var patient = await clinic.BookAsync(TimeSpan.FromMinutes(10));
        await patient.CheckInAsync();
        await clinic.ActAsync("call-next");
        var detail = await clinic.ActAsync("recall");
        Assert.Equal(2, detail.GetProperty("calling").GetProperty("callCount").GetInt32());
        // The doctor's 患者报告 page opens the patient being seen by this id.
        Assert.Equal(patient.PatientId, detail.GetProperty("calling").GetProperty("patientId").GetGuid());
        var recall = await fixture.Published.UntilAsync<QueueCalledIntegrationEvent>(e => e.PatientId == patient.PatientId && e.Recall);
        Assert.Equal(1, recall.Number);
    }

    [Fact]
    public async Task A_skipped_patient_goes_back_three_places_and_an_absent_one_leaves_the_line()
    {
        var clinic = new Clinic(fixture);
        var patients = new List<BookedPatient>();
        for (var i = 0; i < 5; i++) patients.Add(await clinic.BookAsync(TimeSpan.FromMinutes(10 + i)));
        foreach (var p in patients) await p.CheckInAsync();

        await clinic.ActAsync("call-next");
        var afterSkip = await clinic.ActAsync("skip");
        Assert.Equal(JsonValueKind.Null, afterSkip.GetProperty("calling").ValueKind);
        Assert.Equal([2, 3, 4, 1, 5], await clinic.WaitingNumbersAsync());
        Assert.Equal(3, (await patients[0].MineAsync()).GetProperty("peopleAhead").GetInt32());
        await fixture.Published.UntilAsync<QueueChangedIntegrationEvent>(e => e.QueueId == clinic.QueueId && e.Change == "skip"
                                                                              && e.PatientIds.Contains(patients[0].PatientId));

        await clinic.ActAsync("call-next");
        await clinic.ActAsync("absent");
        Assert.Equal([3, 4, 1, 5], await clinic.WaitingNumbersAsync());
        var gone = await fixture.Published.UntilAsync<QueueChangedIntegrationEvent>(e => e.QueueId == clinic.QueueId && e.Change == "absent");
        Assert.Contains(patients[1].PatientId, gone.PatientIds);
        Assert.Null(gone.CallingNumber);
    }

    [Fact]
    public async Task Actions_need_a_called_patient_and_a_doctor()
    {
        var clinic = new Clinic(fixture);
        var patient = await clinic.BookAsync(TimeSpan.FromMinutes(10));
        foreach (var action in new[] { "recall", "skip", "absent" })
        {
            var response = await clinic.Doctor.PostAsync($"/api/queue/queues/{clinic.QueueId}/{action}", null);
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Equal("nobody_called", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        }
        var empty = await clinic.Doctor.PostAsync($"/api/queue/queues/{clinic.QueueId}/call-next", null);
        Assert.Equal(HttpStatusCode.Conflict, empty.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await patient.Client.PostAsync($"/api/queue/queues/{clinic.QueueId}/call-next", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await patient.Client.GetAsync($"/api/queue/queues/{clinic.QueueId}/check-in-code")).StatusCode);
    }
}
