using System.Net;
using System.Net.Http.Json;

namespace Platform.ServiceDefaults.Patients;

/// <summary>A patient as Identity holds it, identifiers in clear: use it for the call that needs it, never store or log it
/// in clear.</summary>
public sealed record PatientDetails(Guid Id, Guid AccountId, string Name, string Gender, DateOnly BirthDate, string IdType,
    string IdNumber, string Phone);

/// <summary>Reads a patient's identifiers from Identity's internal endpoint with this service's client-credentials token.
/// Integration events carry ids only; this is how a consumer gets the ID number or phone at the moment it needs them.</summary>
public sealed class PatientDirectory(HttpClient http)
{
    /// <returns>null when Identity no longer knows the patient (removed, account closed).</returns>
    /// <exception cref="HttpRequestException">Identity is unreachable or refused us: try again later.</exception>
    public async Task<PatientDetails?> FindAsync(Guid patientId, CancellationToken ct)
    {
        using var response = await http.GetAsync($"api/identity/internal/patients/{patientId}", ct);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"Identity answered {(int)response.StatusCode} for a patient look-up", null, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<PatientDetails>(ct)
            ?? throw new HttpRequestException("Identity answered an empty patient");
    }
}
