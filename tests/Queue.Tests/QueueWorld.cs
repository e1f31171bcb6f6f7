using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts.Identity;
using Platform.Contracts.Scheduling;
using Platform.Testing;

namespace Queue.Tests;

/// <summary>A clinic (one doctor in one room today) and patients booked into it, as Scheduling and Identity announce them.</summary>
public sealed class Clinic(QueueFixture fixture)
{
    public string Location { get; } = $"门诊楼2层{Guid.NewGuid():N}"[..20] + "诊室";
    public string DepartmentName { get; } = "心血管内科";
    public string DoctorName { get; } = "王医生";
    /// <summary>The clinic session's HIS Practitioner, as Scheduling names it in each booking; <see cref="Doctor"/> is linked to it.</summary>
    public string PractitionerId { get; } = $"prac-{Guid.NewGuid():N}"[..20];
    public HttpClient Doctor => field ??= fixture.DoctorClient(PractitionerId);
    public Guid QueueId { get; private set; }

    public async Task<BookedPatient> BookAsync(TimeSpan startsIn, Guid? accountId = null)
    {
        var patient = new BookedPatient(fixture, this, accountId ?? Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await fixture.PublishAsync(new PatientRegisteredIntegrationEvent(patient.PatientId, patient.AccountId));
        var startsAt = fixture.Clock.GetUtcNow() + startsIn;
        await fixture.PublishAsync(new AppointmentBookedIntegrationEvent(patient.AppointmentId, patient.PatientId, DepartmentName, DoctorName,
            Location, startsAt, startsAt.AddMinutes(15), true, PractitionerId));
        QueueId = await Eventually.Until(async () =>
        {
            var queues = await Doctor.GetFromJsonAsync<JsonElement>("/api/queue/queues");
            return queues.EnumerateArray().Where(q => q.GetProperty("location").GetString() == Location)
                .Select(q => q.GetProperty("id").GetGuid()).FirstOrDefault();
        }, id => id != Guid.Empty, TimeSpan.FromSeconds(60), "the clinic's queue");
        await Eventually.Until(() => patient.OptionsAsync(), items => items.Any(i => i.GetProperty("appointmentId").GetGuid() == patient.AppointmentId),
            TimeSpan.FromSeconds(30), "the booked appointment at the clinic");
        return patient;
    }

    public async Task<string> CodeAsync() =>
        (await Doctor.GetFromJsonAsync<JsonElement>($"/api/queue/queues/{QueueId}/check-in-code")).GetProperty("code").GetString()!;

    public async Task<JsonElement> ActAsync(string action)
    {
        var response = await Doctor.PostAsync($"/api/queue/queues/{QueueId}/{action}", null);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<List<int>> WaitingNumbersAsync() =>
        (await Doctor.GetFromJsonAsync<JsonElement>($"/api/queue/queues/{QueueId}")).GetProperty("waiting").EnumerateArray()
        .Select(t => t.GetProperty("number").GetInt32()).ToList();
}

public sealed record BookedPatient(QueueFixture Fixture, Clinic Clinic, Guid AccountId, Guid PatientId, Guid AppointmentId)
{
    public HttpClient Client { get; } = Fixture.PatientClient(AccountId);

    public async Task<List<JsonElement>> OptionsAsync()
    {
        var response = await Client.GetAsync($"/api/queue/check-ins/options?code={Uri.EscapeDataString(await Clinic.CodeAsync())}");
        if (!response.IsSuccessStatusCode) return [];
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().ToList();
    }

    public async Task<HttpResponseMessage> TryCheckInAsync(string? code = null, Guid? appointmentId = null) =>
        await Client.PostAsJsonAsync("/api/queue/check-ins", new { code = code ?? await Clinic.CodeAsync(), appointmentId = appointmentId ?? AppointmentId });

    public async Task<int> CheckInAsync()
    {
        var response = await TryCheckInAsync();
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("queue").GetProperty("number").GetInt32();
    }

    public async Task<JsonElement> MineAsync() =>
        (await Client.GetFromJsonAsync<JsonElement>("/api/queue/me")).EnumerateArray().Single(q => q.GetProperty("appointmentId").GetGuid() == AppointmentId);
}
