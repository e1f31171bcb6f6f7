using System.Net;
using System.Net.Http.Json;
using Platform.ServiceDefaults.Problems;

namespace Reports.API.Application;

public sealed record HisItem(
    string Id, string Name, string? Loinc, string Value, decimal? NumericValue, string Unit, string ReferenceRange,
    decimal? Low, decimal? High, string? Flag, string? FlagText, bool Abnormal, bool Critical);

public sealed record HisImaging(string Id, string Modality, string? BodySite, int? Series, int? Instances, string? Referrer);

public sealed record HisReport(
    string Id, string Category, string Title, string Status, DateTimeOffset? IssuedAt, string? Conclusion, IReadOnlyList<HisItem> Items,
    string? CategoryCode = null, string? Accession = null, DateTimeOffset? EffectiveAt = null, string? Interpreter = null,
    string? Performer = null, string? EncounterId = null, string? Findings = null, HisImaging? Imaging = null,
    IReadOnlyList<HisKeyImage>? KeyImages = null);

/// <summary>A key image (关键图像) of an imaging report, by its position in the report.</summary>
public sealed record HisKeyImage(int Index, string Caption);

public sealed record KeyImageFile(string ContentType, byte[] Data);

public sealed record HisDocument(
    string Id, string Kind, string Title, string Status, DateTimeOffset? Date, string? Author, string? AuthorId, string? Description,
    string? EncounterId, string Text);

public sealed record HisEncounter(
    string Id, string Class, string Type, string Status, DateTimeOffset? Start, DateTimeOffset? End, string? Department,
    string? Doctor, string? DoctorId, string? Reason, string? Diagnosis, string? Location, string? Disposition);

public sealed record HisCareRelationship(bool Related, string? Basis);

/// <summary>The HIS adapter's scoped reads of one platform patient's record (the adapter checks every resource belongs
/// to the linked HIS patient).</summary>
public sealed class HisRecords(HttpClient http)
{
    public Task<List<HisReport>?> ReportsAsync(Guid patientId, CancellationToken ct) => GetAsync<List<HisReport>>($"api/his/patients/{patientId}/reports", ct);

    public Task<List<HisDocument>?> DocumentsAsync(Guid patientId, CancellationToken ct) => GetAsync<List<HisDocument>>($"api/his/patients/{patientId}/documents", ct);

    public Task<List<HisEncounter>?> EncountersAsync(Guid patientId, CancellationToken ct) => GetAsync<List<HisEncounter>>($"api/his/patients/{patientId}/encounters", ct);

    public async Task<bool> CareRelationshipAsync(Guid patientId, string practitionerId, CancellationToken ct) =>
        (await GetAsync<HisCareRelationship>($"api/his/patients/{patientId}/care-relationships/{Uri.EscapeDataString(practitionerId)}", ct))?.Related == true;

    /// <summary>A key image's bytes; null when the HIS has no such image for this patient's report.</summary>
    public async Task<KeyImageFile?> KeyImageAsync(Guid patientId, string hisReportId, int index, CancellationToken ct)
    {
        var path = $"api/his/patients/{patientId}/reports/{Uri.EscapeDataString(hisReportId)}/images/{index}";
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(path, ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            throw Unavailable();
        }
        using (response)
        {
            if (response.StatusCode == HttpStatusCode.NotFound) return null;
            if (!response.IsSuccessStatusCode) throw Unavailable();
            var type = response.Content.Headers.ContentType?.MediaType;
            if (type is not ("image/png" or "image/jpeg")) throw Unavailable();
            return new KeyImageFile(type, await response.Content.ReadAsByteArrayAsync(ct));
        }
    }

    private async Task<T?> GetAsync<T>(string path, CancellationToken ct) where T : class
    {
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(path, ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            throw Unavailable();
        }
        using (response)
        {
            // Not linked to a HIS record (yet): the hospital has nothing for this patient.
            if (response.StatusCode == HttpStatusCode.NotFound) return null;
            if (!response.IsSuccessStatusCode) throw Unavailable();
            return await response.Content.ReadFromJsonAsync<T>(ct);
        }
    }

    public static ProblemException Unavailable() => new(503, "his_unavailable", "医院信息系统暂时无法访问，请稍后再试");
}
