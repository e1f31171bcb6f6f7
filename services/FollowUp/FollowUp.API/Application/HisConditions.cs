using System.Net;
using System.Net.Http.Json;
using FollowUp.API.Domain;

namespace FollowUp.API.Application;

/// <summary>The patient's diagnoses, read through the HIS adapter's scoped read with this service's client-credentials
/// token (the adapter checks each one belongs to the linked HIS patient).</summary>
public sealed class HisConditions(HttpClient http)
{
    /// <summary>Empty when the patient is not linked to the HIS (no record there, so no diagnosis to match); throws
    /// <see cref="HisUnavailableException"/> when the adapter cannot answer.</summary>
    public async Task<IReadOnlyList<PatientCondition>> ForAsync(Guid patientId, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync($"api/his/patients/{patientId}/conditions", ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            throw new HisUnavailableException(ex);
        }
        using (response)
        {
            if (response.StatusCode == HttpStatusCode.NotFound) return [];
            if (!response.IsSuccessStatusCode) throw new HisUnavailableException(new HttpRequestException($"HIS adapter answered {(int)response.StatusCode}"));
            return await response.Content.ReadFromJsonAsync<List<PatientCondition>>(ct) ?? [];
        }
    }
}

public sealed class HisUnavailableException(Exception inner) : Exception("The HIS adapter could not read the patient's conditions.", inner);
