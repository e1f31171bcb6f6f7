using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Contracts.His;
using Platform.ServiceDefaults.Problems;
using Reports.API.Domain;
using Reports.API.Extensions;
using Reports.API.Infrastructure;

namespace Reports.API.Application;

/// <summary>A cached answer and how old it is; <see cref="Stale"/> when the HIS could not be asked and an older copy is shown.</summary>
public sealed record Cached<T>(T Value, DateTimeOffset FetchedAt, bool Stale);

/// <summary>The patient's records as the HIS last answered, asked again once older than <c>Reports:FreshFor</c> (or on
/// request). When the HIS is down an older copy is shown, marked stale; with none, the read fails with 503.</summary>
public sealed class RecordCache(ReportsDbContext db, HisRecords his, IOptions<ReportsOptions> options, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Guid ReportId(Guid patientId, string hisReportId) => HisIds.Stable(patientId, "DiagnosticReport/" + hisReportId);

    public async Task<Cached<List<HisReport>>> ReportsAsync(Guid patientId, bool refresh, CancellationToken ct)
    {
        var cached = await GetAsync(patientId, RecordKinds.Reports, refresh, his.ReportsAsync, ct);
        if (!cached.Stale) await IndexAsync(patientId, cached.Value, ct);
        return cached;
    }

    public Task<Cached<List<HisDocument>>> DocumentsAsync(Guid patientId, bool refresh, CancellationToken ct) =>
        GetAsync(patientId, RecordKinds.Documents, refresh, his.DocumentsAsync, ct);

    public Task<Cached<List<HisEncounter>>> EncountersAsync(Guid patientId, bool refresh, CancellationToken ct) =>
        GetAsync(patientId, RecordKinds.Encounters, refresh, his.EncountersAsync, ct);

    private async Task<Cached<List<T>>> GetAsync<T>(Guid patientId, string kind, bool refresh,
        Func<Guid, CancellationToken, Task<List<T>?>> fetch, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var snapshot = await db.Snapshots.FirstOrDefaultAsync(s => s.PatientId == patientId && s.Kind == kind, ct);
        if (snapshot is not null && !refresh && now - snapshot.FetchedAt < options.Value.FreshFor)
            return new(JsonSerializer.Deserialize<List<T>>(snapshot.Payload, Json) ?? [], snapshot.FetchedAt, false);
        List<T>? answer;
        try
        {
            answer = await fetch(patientId, ct);
        }
        catch (ProblemException ex) when (ex.Status == 503 && snapshot is not null)
        {
            return new(JsonSerializer.Deserialize<List<T>>(snapshot.Payload, Json) ?? [], snapshot.FetchedAt, true);
        }
        // Not linked to a HIS record yet (just registered): nothing to keep, so the next look asks again.
        if (answer is null) return new([], now, false);
        var fresh = answer;
        var payload = JsonSerializer.Serialize(fresh, Json);
        if (snapshot is null)
            db.Snapshots.Add(new RecordSnapshot { PatientId = patientId, Kind = kind, Payload = payload, FetchedAt = now });
        else
        {
            snapshot.Payload = payload;
            snapshot.FetchedAt = now;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request stored the same answer first: theirs is as fresh as ours.
            db.ChangeTracker.Clear();
        }
        return new(fresh, now, false);
    }

    private async Task IndexAsync(Guid patientId, List<HisReport> reports, CancellationToken ct)
    {
        foreach (var r in reports)
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO report_index (report_id, patient_id, his_report_id) VALUES ({ReportId(patientId, r.Id)}, {patientId}, {r.Id}) ON CONFLICT DO NOTHING", ct);
    }
}
