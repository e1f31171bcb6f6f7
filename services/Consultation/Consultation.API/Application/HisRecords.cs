using System.Net;
using System.Net.Http.Json;
using Platform.ServiceDefaults.Problems;

namespace Consultation.API.Application;

public sealed record HisEncounter(
    string Id, string Class, string Type, string Status, DateTimeOffset? Start, DateTimeOffset? End, string? Department,
    string? Doctor, string? DoctorId, string? Reason, string? Diagnosis, string? Location, string? Disposition);

/// <summary>The HIS adapter's scoped read of one patient's visits (Encounter with its diagnosis Condition).</summary>
public sealed class HisRecords(HttpClient http)
{
    /// <returns>null when the patient has no HIS record (never seen at the hospital).</returns>
    public async Task<List<HisEncounter>?> EncountersAsync(Guid patientId, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync($"api/his/patients/{patientId}/encounters", ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            throw Unavailable();
        }
        using (response)
        {
            if (response.StatusCode == HttpStatusCode.NotFound) return null;
            if (!response.IsSuccessStatusCode) throw Unavailable();
            return await response.Content.ReadFromJsonAsync<List<HisEncounter>>(ct);
        }
    }

    private static ProblemException Unavailable() => new(503, "his_unavailable", "医院信息系统暂时无法访问，请稍后再试");
}
