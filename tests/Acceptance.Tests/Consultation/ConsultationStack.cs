using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Acceptance.Tests.Identity;
using Platform.Testing;

namespace Acceptance.Tests.Consultation;

/// <summary>What the consultation journeys share: doctor01 (linked to a HIS practitioner) as the consultation service
/// knows it from the HIS roster, a patient of the HIS of one's own, and calls at the edge.</summary>
public static class ConsultationStack
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);
    private static readonly HttpClient Edge = new() { BaseAddress = new Uri(TestEnvironment.EdgeUrl), Timeout = TimeSpan.FromSeconds(30) };

    public sealed record Doctor(string Token, string PractitionerId, string DepartmentName);

    /// <summary>doctor01 once the Consultation service has their HIS practitioner with 图文咨询 and 互联网复诊 on.</summary>
    public static async Task<Doctor> DoctorAsync(string patientToken)
    {
        var token = await StackTokens.StaffAsync("doctor01", "Doctor@2026", "doctor");
        var practitioner = Claim(token, "practitioner_id") ?? throw new InvalidOperationException("doctor01's token carries no practitioner_id");
        // The doctor switches both services on at the fee the stack offers (a previous run may have changed it).
        await Eventually.Until(() => SendAsync(token, HttpMethod.Get, "/api/consultation/doctor/offer"),
            r => r.Status == System.Net.HttpStatusCode.OK, Wait, "doctor01 in the consultation roster");
        var saved = await SendAsync(token, HttpMethod.Put, "/api/consultation/doctor/offer",
            new { offersText = true, textFeeFen = 2000, offersFollowUp = true, followUpFeeFen = 3000 });
        Assert.True(saved.Status == System.Net.HttpStatusCode.OK, saved.Body.ToString());
        var doctors = await Eventually.Until(() => SendAsync(patientToken, HttpMethod.Get, "/api/consultation/doctors?kind=followup"),
            r => r.Body.ValueKind == JsonValueKind.Array && r.Body.EnumerateArray().Any(d => d.GetProperty("practitionerId").GetString() == practitioner),
            Wait, "doctor01 offering online consultations");
        var me = doctors.Body.EnumerateArray().First(d => d.GetProperty("practitionerId").GetString() == practitioner);
        return new Doctor(token, practitioner, me.GetProperty("departments")[0].GetString()!);
    }

    /// <summary>The patient's 谁查看了我的病历 (Reports' access log) as the app reads it.</summary>
    public static async Task<List<JsonElement>> AccessLogAsync(string patientToken, Guid patientId)
    {
        var log = await SendAsync(patientToken, HttpMethod.Get, $"/api/reports/patients/{patientId}/access-log");
        Assert.True(log.Status == System.Net.HttpStatusCode.OK, log.Body.ToString());
        return [.. log.Body.EnumerateArray()];
    }

    /// <summary>The account signed in again: its token lists the 就诊人 added since it registered (the app does the same
    /// after adding one).</summary>
    public static async Task<TestAccount> FreshAsync(TestAccount account)
    {
        var (access, refresh) = await IdentityApi.SignInAsync(account.Username, account.Password);
        return account with { AccessToken = access, RefreshToken = refresh };
    }

    /// <summary>A visit of the patient in <paramref name="department"/> <paramref name="daysAgo"/> days ago, with its diagnosis,
    /// written at the HIS as the outpatient system records it.</summary>
    public static async Task AddVisitAsync(HisSimulator his, string hisPatient, string practitioner, string department, string diagnosis, int daysAgo)
    {
        var condition = await his.CreateAsync("Condition", new
        {
            resourceType = "Condition",
            clinicalStatus = new { coding = new[] { new { system = "http://terminology.hl7.org/CodeSystem/condition-clinical", code = "active" } } },
            code = new { text = diagnosis },
            subject = new { reference = $"Patient/{hisPatient}" },
            recordedDate = DateTimeOffset.UtcNow.AddDays(-daysAgo).ToString("yyyy-MM-ddTHH:mm:ssK"),
        });
        var start = DateTimeOffset.UtcNow.AddDays(-daysAgo);
        await his.CreateAsync("Encounter", new
        {
            resourceType = "Encounter", status = "finished",
            @class = new { system = "http://terminology.hl7.org/CodeSystem/v3-ActCode", code = "AMB", display = "ambulatory" },
            type = new[] { new { text = "普通门诊" } },
            serviceType = new { coding = new[] { new { display = department } } },
            subject = new { reference = $"Patient/{hisPatient}" },
            participant = new[] { new { individual = new { reference = $"Practitioner/{practitioner}" } } },
            period = new { start = start.ToString("yyyy-MM-ddTHH:mm:ssK"), end = start.AddMinutes(20).ToString("yyyy-MM-ddTHH:mm:ssK") },
            diagnosis = new[] { new { condition = new { reference = $"Condition/{condition.GetProperty("id").GetString()}" }, rank = 1 } },
        });
    }

    public sealed record Reply(System.Net.HttpStatusCode Status, JsonElement Body);

    public static async Task<Reply> SendAsync(string token, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null) request.Content = JsonContent.Create(body);
        using var response = await Edge.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Reply(response.StatusCode, text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default);
    }

    private static string? Claim(string accessToken, string name)
    {
        var payload = accessToken.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
        using var json = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
        return json.RootElement.TryGetProperty(name, out var value) ? value.GetString() : null;
    }
}
