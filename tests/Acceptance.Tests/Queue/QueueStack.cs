using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Acceptance.Tests.Notification;
using Platform.Testing;

namespace Acceptance.Tests.Queue;

/// <summary>A clinic today on the running stack. Appointments arrive as Scheduling announces them (its booked event on
/// the stack's broker), because a bookable session starting within the hour cannot be made through the HIS on demand.</summary>
public sealed class QueueStack
{
    private static readonly HttpClient Http = new() { BaseAddress = new Uri(TestEnvironment.EdgeUrl), Timeout = TimeSpan.FromSeconds(30) };

    public string Location { get; } = $"门诊楼3层验收{Random.Shared.Next(100000, 999999)}诊室";
    public string DoctorToken { get; private init; } = "";
    public Guid QueueId { get; private set; }

    /// <summary>The HIS Practitioner the demo account doctor01 is linked to (Identity's appsettings.Development.json): a
    /// doctor may call only their own clinic, so the clinic is announced as prac-029's.</summary>
    public const string DoctorPractitionerId = "prac-029";

    /// <summary>The practitioner the clinic is announced for: doctor01's unless a test needs someone else's clinic.</summary>
    public string PractitionerId { get; private init; } = DoctorPractitionerId;

    public static async Task<QueueStack> ClinicAsync(string practitionerId = DoctorPractitionerId) =>
        new() { DoctorToken = await StackTokens.StaffAsync("doctor01", "Doctor@2026", "doctor"), PractitionerId = practitionerId };

    /// <summary>Books <paramref name="patientId"/> into this clinic, starting <paramref name="startsIn"/> from now.</summary>
    public async Task<Guid> BookAsync(Guid patientId, TimeSpan startsIn)
    {
        var appointmentId = Guid.CreateVersion7();
        var startsAt = DateTimeOffset.UtcNow + startsIn;
        await StackBroker.PublishAsync("Platform.Contracts.Scheduling", "AppointmentBookedIntegrationEvent", Guid.NewGuid(), new
        {
            appointmentId, patientId, departmentName = "心血管内科", doctorName = "验收医生", location = Location,
            startsAt, endsAt = startsAt.AddMinutes(15), confirmedByHis = true, practitionerHisId = PractitionerId,
        });
        QueueId = await Eventually.Until(async () =>
        {
            var queues = await SendAsync(DoctorToken, HttpMethod.Get, "/api/queue/queues");
            return queues.EnumerateArray().Where(q => q.GetProperty("location").GetString() == Location)
                .Select(q => q.GetProperty("id").GetGuid()).FirstOrDefault();
        }, id => id != Guid.Empty, TimeSpan.FromSeconds(30), "the clinic's queue");
        return appointmentId;
    }

    /// <summary>The link the clinic's QR code carries.</summary>
    public async Task<string> CheckInPathAsync() =>
        (await SendAsync(DoctorToken, HttpMethod.Get, $"/api/queue/queues/{QueueId}/check-in-code")).GetProperty("checkInPath").GetString()!;

    public async Task CheckInByApiAsync(string patientToken, Guid appointmentId)
    {
        var code = Uri.UnescapeDataString((await CheckInPathAsync()).Split("code=")[1]);
        await Eventually.Until(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/queue/check-ins") { Content = JsonContent.Create(new { code, appointmentId }) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", patientToken);
            return (await Http.SendAsync(request)).IsSuccessStatusCode;
        }, ok => ok, TimeSpan.FromSeconds(30), "check-in of the other patient");
    }

    /// <summary>A doctor's action at the edge, as the workstation sends it.</summary>
    public Task<JsonElement> ActAsync(string action) => SendAsync(DoctorToken, HttpMethod.Post, $"/api/queue/queues/{QueueId}/{action}");

    private static async Task<JsonElement> SendAsync(string token, HttpMethod method, string path)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await Http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
