using HisAdapter.API.Domain;
using HisAdapter.API.Extensions;
using HisAdapter.API.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Contracts;
using Platform.Contracts.His;
using System.Globalization;
using Hl7.Fhir.Rest;
using Platform.Fhir.Client;
using Platform.Fhir.Search;
using Platform.Messaging.Outbox;

namespace HisAdapter.API.Application.Sync;

public sealed record SyncResult(int Departments, int Practitioners, int SlotDays, int ExamOrders, int Medications = 0);

/// <summary>Brings the platform's departments, doctors and slots in line with the HIS. Detection is by
/// <c>_lastUpdated</c> against the stored high-water marks; what is published is decided by content hash, so a change
/// the platform cannot see (or a repeated sync) publishes nothing. Departments and doctors are small sets and are
/// re-derived whole when any of their resources changed (a Location change alters a department too); slots are
/// fetched incrementally, exam rooms' slots as exam events, and exam orders as they change.</summary>
public sealed partial class ReferenceDataSync(
    FhirClient his, HisAdapterDbContext db, IIntegrationEventOutbox outbox, IOptions<HisOptions> options, TimeProvider clock,
    ExamOrderSync examOrders, MedicationSync medications)
{
    private const string PageSize = "1000";
    private static readonly string[] DepartmentTypes = ["HealthcareService", "Location", "Organization"];
    private static readonly string[] PractitionerTypes = ["Practitioner", "PractitionerRole"];

    /// <summary>A sync mark that is no resource type: present when a consumer asked for everything again.</summary>
    public const string ResyncMark = "$resync";

    /// <remarks>No database transaction is open while the HIS is read: every step only reads the database and tracks
    /// its changes (hashes, marks, outbox rows), and the one SaveChanges at the end commits them together. A HIS read
    /// that fails leaves everything as it was, to be fetched again next round.</remarks>
    public async Task<SyncResult> RunAsync(bool full, CancellationToken ct)
    {
        var marks = await db.SyncMarks.ToDictionaryAsync(m => m.ResourceType, ct);
        if (marks.Remove(ResyncMark, out var resync))
        {
            db.SyncMarks.Remove(resync);
            (full, republish) = (true, true);
        }
        var departments = full || await ChangedSinceAsync(DepartmentTypes, marks, ct) ? await SyncDepartmentsAsync(marks, ct) : 0;
        var practitioners = full || await ChangedSinceAsync(PractitionerTypes, marks, ct) ? await SyncPractitionersAsync(marks, ct) : 0;
        var slotDays = await SyncSlotsAsync(full || !marks.ContainsKey("Slot"), marks, ct);
        var examOrders = await SyncOrdersAsync(full || !marks.ContainsKey("ServiceRequest"), marks, ct);
        var medicationSnapshots = await SyncMedicationsAsync(marks, ct);
        await db.SaveChangesAsync(ct);
        return new SyncResult(departments, practitioners, slotDays, examOrders, medicationSnapshots);
    }

    private async Task<int> SyncDepartmentsAsync(Dictionary<string, SyncMark> marks, CancellationToken ct)
    {
        var services = await AllAsync<HealthcareService>(marks, ct);
        var locations = (await AllAsync<Location>(marks, ct)).Where(l => l.Id is not null).ToDictionary(l => l.Id!);
        var organizations = (await AllAsync<Organization>(marks, ct)).Where(o => o.Id is not null).ToDictionary(o => o.Id!);
        var events = services.Select(s => DepartmentMapper.Map(s, locations, organizations)).OfType<HisDepartmentSyncedIntegrationEvent>()
            .Select(e => ((IntegrationEvent)e, e.HisId));
        return await PublishChangedAsync("department", events, ct);
    }

    private async Task<int> SyncPractitionersAsync(Dictionary<string, SyncMark> marks, CancellationToken ct)
    {
        var practitioners = await AllAsync<Practitioner>(marks, ct);
        var roles = (await AllAsync<PractitionerRole>(marks, ct))
            .ToLookup(r => r.Practitioner?.IdFor("Practitioner") ?? "");
        var events = practitioners
            .Select(p => PractitionerMapper.Map(p, roles[p.Id ?? ""].ToList())).OfType<HisPractitionerSyncedIntegrationEvent>()
            .Select(e => ((IntegrationEvent)e, e.HisId));
        return await PublishChangedAsync("practitioner", events, ct);
    }

    /// <summary>Publish every resource, not only changed ones (a consumer lost what was published before).</summary>
    private bool republish;

    private async Task<int> PublishChangedAsync(
        string kind, IEnumerable<(IntegrationEvent Event, string HisId)> events, CancellationToken ct)
    {
        var known = await db.SyncedResources.Where(r => r.Kind == kind).ToDictionaryAsync(r => r.HisId, ct);
        var published = 0;
        foreach (var (e, id) in events)
        {
            var hash = ContentHash.Of(e);
            if (known.TryGetValue(id, out var row))
            {
                if (row.Hash == hash && !republish) continue;
                row.Hash = hash;
            }
            else
            {
                db.SyncedResources.Add(new SyncedResource { Kind = kind, HisId = id, Hash = hash });
            }
            outbox.Add(e);
            published++;
        }
        return published;
    }

    private async Task<List<TResource>> AllAsync<TResource>(Dictionary<string, SyncMark> marks, CancellationToken ct)
        where TResource : Resource
    {
        var found = await his.SearchAllAsync<TResource>(new SearchParams().Add("_count", PageSize), ct).ToListAsync(ct);
        Advance(marks, typeof(TResource).Name, found);
        return found;
    }

    private async Task<bool> ChangedSinceAsync(IEnumerable<string> resourceTypes, Dictionary<string, SyncMark> marks, CancellationToken ct)
    {
        foreach (var type in resourceTypes)
        {
            if (!marks.TryGetValue(type, out var mark)) return true;
            var page = await his.SearchAsync(new SearchParams().Add("_lastUpdated", "gt" + mark.HighWater).Add("_count", "1"), type, ct);
            if (page is { Total: > 0 } || page?.Entry.Count > 0) return true;
        }
        return false;
    }

    /// <summary>Moves the high-water mark to the newest meta.lastUpdated seen (UTC, to the millisecond).</summary>
    private void Advance(Dictionary<string, SyncMark> marks, string resourceType, IEnumerable<Resource> resources)
    {
        var newest = resources.Select(r => r.Meta?.LastUpdated).OfType<DateTimeOffset>().DefaultIfEmpty().Max();
        if (newest == default) return;
        // A HIS clock ahead of ours (or a resource stamped in the future) must not hide the changes written after it.
        var now = clock.GetUtcNow();
        if (newest > now) newest = now;
        var value = newest.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        if (marks.TryGetValue(resourceType, out var mark))
        {
            if (DateTimeOffset.Parse(mark.HighWater, CultureInfo.InvariantCulture) >= newest) return;
            mark.HighWater = value;
            mark.UpdatedAt = clock.GetUtcNow();
            return;
        }
        var added = new SyncMark { ResourceType = resourceType, HighWater = value, UpdatedAt = clock.GetUtcNow() };
        marks[resourceType] = added;
        db.SyncMarks.Add(added);
    }
}
