using HisAdapter.API.Domain;
using Hl7.Fhir.Rest;
using Platform.Fhir.Client;

namespace HisAdapter.API.Application.Sync;

public sealed partial class ReferenceDataSync
{
    /// <summary>Open orders at a full sync; afterwards the orders written since the last one (closing an order too).</summary>
    private async Task<int> SyncOrdersAsync(bool full, Dictionary<string, SyncMark> marks, CancellationToken ct)
    {
        var query = new SearchParams().Add("_count", PageSize);
        if (full) query.Add("status", "active");
        else query.Add("_lastUpdated", "ge" + marks["ServiceRequest"].HighWater);
        var orders = await his.SearchAllAsync<ServiceRequest>(query, ct).ToListAsync(ct);
        Advance(marks, "ServiceRequest", orders);
        return await examOrders.PublishAsync(orders, ct);
    }
}
