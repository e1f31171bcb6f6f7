using HisAdapter.API.Domain;
using HisAdapter.API.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.His;
using Hl7.Fhir.Rest;
using Hl7.Fhir.Utility;
using Platform.Fhir.Client;
using Platform.Fhir.Search;
using Platform.Messaging.Outbox;

namespace HisAdapter.API.Application.Sync;

/// <summary>Publishes exam orders (ServiceRequest) to the platform patients that are their HIS patient. Orders are
/// keyed per (order, platform patient) by content hash, so a repeat publishes nothing and a patient linked later gets
/// the orders the hospital already had for them.</summary>
public sealed class ExamOrderSync(FhirClient his, HisAdapterDbContext db, IIntegrationEventOutbox outbox)
{
    private const string Kind = "exam-order";

    /// <summary>A patient was just linked to their HIS record: their open orders, at once.</summary>
    public async Task<int> ForPatientAsync(Guid patientId, string hisPatientId, CancellationToken ct)
    {
        var query = new SearchParams().Add("subject", $"Patient/{hisPatientId}").Add("status", "active").Add("_count", "1000");
        var orders = await his.SearchAllAsync<ServiceRequest>(query, ct).ToListAsync(ct);
        return await PublishAsync(orders.Select(o => (o, patientId)), ct);
    }

    /// <summary>Orders that changed: to every platform patient linked to their subject.</summary>
    public async Task<int> PublishAsync(IReadOnlyCollection<ServiceRequest> orders, CancellationToken ct)
    {
        var subjects = orders.Select(Subject).OfType<string>().Distinct().ToList();
        if (subjects.Count == 0) return 0;
        var links = (await db.PatientLinks.AsNoTracking().Where(l => subjects.Contains(l.HisPatientId)).ToListAsync(ct))
            .ToLookup(l => l.HisPatientId);
        return await PublishAsync(orders.SelectMany(o => links[Subject(o) ?? ""].Select(l => (o, l.PatientId))), ct);
    }

    private async Task<int> PublishAsync(IEnumerable<(ServiceRequest Order, Guid PatientId)> pairs, CancellationToken ct)
    {
        var events = pairs.Select(p => Map(p.Order, p.PatientId)).OfType<HisExamOrderSyncedIntegrationEvent>().ToList();
        if (events.Count == 0) return 0;
        var keys = events.Select(Key).ToList();
        var known = await db.SyncedResources.Where(r => r.Kind == Kind && keys.Contains(r.HisId)).ToDictionaryAsync(r => r.HisId, ct);
        var published = 0;
        foreach (var e in events)
        {
            var hash = ContentHash.Of(e);
            if (known.TryGetValue(Key(e), out var row))
            {
                if (row.Hash == hash) continue;
                row.Hash = hash;
            }
            else
            {
                var added = new SyncedResource { Kind = Kind, HisId = Key(e), Hash = hash };
                db.SyncedResources.Add(added);
                known[added.HisId] = added;
            }
            outbox.Add(e);
            published++;
        }
        return published;
    }

    private static string Key(HisExamOrderSyncedIntegrationEvent e) => $"{e.OrderHisId}|{e.PatientId:N}";

    private static string? Subject(ServiceRequest order) => order.Subject?.IdFor("Patient");

    public static HisExamOrderSyncedIntegrationEvent? Map(ServiceRequest order, Guid patientId)
    {
        var service = order.PerformerType?.Coding.FirstOrDefault(c => c.System == HisSystems.ExamService)?.Code;
        var item = order.Code?.Coding.FirstOrDefault(c => c.System == HisSystems.ExamItem);
        if (order.Id is null || service is null || item?.Code is null) return null;
        var ordered = DateTimeOffset.TryParse(order.AuthoredOn, System.Globalization.CultureInfo.InvariantCulture, out var at) ? at : default;
        return new HisExamOrderSyncedIntegrationEvent(
            order.Id, patientId, item.Code, order.Code!.Text ?? item.Display ?? item.Code,
            order.Category.FirstOrDefault()?.Text ?? "",
            service,
            order.PatientInstruction ?? "",
            order.GetExtension(HisSystems.FastingRequired)?.Value is FhirBoolean { Value: true },
            order.Requester?.Display ?? "",
            ordered.ToUniversalTime(),
            order.Status?.GetLiteral() ?? "active");
    }
}
