using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Identity;
using Platform.Contracts.Scheduling;
using Platform.Testing;

namespace Queue.Tests;

/// <summary>An exam room (or a blood-draw window, service code "blood") and the exams Scheduling confirms into it; staff
/// run its queue.</summary>
public sealed class ExamRoom(QueueFixture fixture, string serviceCode = "ct")
{
    public string Location { get; } = $"医技楼1层{Guid.NewGuid():N}"[..18];
    public string RoomName { get; } = serviceCode == "blood" ? "采血3号窗口" : "CT室";
    public string Kind => serviceCode == ExamBookedIntegrationEvent.BloodDraw ? "blood" : "exam";
    public HttpClient Staff { get; } = fixture.StaffClient();
    public Guid QueueId { get; private set; }

    public async Task<BookedExam> BookAsync(TimeSpan startsIn, string preparation = "检查前空腹8小时", Guid? accountId = null)
    {
        var exam = new BookedExam(fixture, this, accountId ?? Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await fixture.PublishAsync(new PatientRegisteredIntegrationEvent(exam.PatientId, exam.AccountId));
        var startsAt = fixture.Clock.GetUtcNow() + startsIn;
        await fixture.PublishAsync(new ExamBookedIntegrationEvent(exam.AppointmentId, exam.PatientId, "上腹部CT平扫", serviceCode, RoomName,
            Location, startsAt, startsAt.AddMinutes(15), preparation, preparation.Contains("空腹")));
        await Eventually.Until(() => fixture.QueryAsync(db => db.Appointments.AnyAsync(a => a.Id == exam.AppointmentId)), found => found,
            TimeSpan.FromSeconds(30), "the exam booking in Queue");
        QueueId = await fixture.QueryAsync(db => db.Appointments.Where(a => a.Id == exam.AppointmentId).Select(a => a.QueueId).SingleAsync());
        return exam;
    }

    public async Task<string> CodeAsync() =>
        (await Staff.GetFromJsonAsync<JsonElement>($"/api/queue/queues/{QueueId}/check-in-code")).GetProperty("code").GetString()!;

    public async Task<JsonElement> ActAsync(string action)
    {
        var response = await Staff.PostAsync($"/api/queue/queues/{QueueId}/{action}", null);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

public sealed record BookedExam(QueueFixture Fixture, ExamRoom Room, Guid AccountId, Guid PatientId, Guid AppointmentId)
{
    public HttpClient Client { get; } = Fixture.PatientClient(AccountId);

    public async Task<int> CheckInAsync()
    {
        var response = await Client.PostAsJsonAsync("/api/queue/check-ins", new { code = await Room.CodeAsync(), appointmentId = AppointmentId });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("queue").GetProperty("number").GetInt32();
    }

    public async Task<JsonElement?> MineAsync() =>
        (await Client.GetFromJsonAsync<JsonElement>("/api/queue/me")).EnumerateArray()
        .Where(q => q.GetProperty("appointmentId").GetGuid() == AppointmentId).Select(q => (JsonElement?)q).FirstOrDefault();
}
