using System.Net.Http.Json;

namespace Payment.API.Application;

public sealed record HisCharge(string Id, string Status, string Item, DateTimeOffset? OccurredAt, decimal Quantity, long AmountFen, string? Code = null);

public sealed record HisInvoice(string Id, string Number, string Status, string Type, DateTimeOffset? Date, long TotalFen, bool Unpaid,
    IReadOnlyList<string> ChargeIds);

public sealed record HisCharges(IReadOnlyList<HisCharge> Items, IReadOnlyList<HisInvoice> Invoices, long UnpaidFen);

public sealed record HisDeposit(string Id, string Name, string Status, long DepositTotalFen, long ChargesTotalFen, long BalanceFen,
    DateTimeOffset? Since, DateTimeOffset? Until);

/// <summary>A patient's fees and deposit accounts as the HIS has them, read through the HIS adapter with this service's
/// integration token. The HIS is the authority on every amount; nothing here is cached.</summary>
public sealed class HisRecords(HttpClient http)
{
    public async Task<HisCharges> ChargesAsync(Guid patientId, CancellationToken ct) =>
        await http.GetFromJsonAsync<HisCharges>($"api/his/patients/{patientId}/charges", ct) ?? new HisCharges([], [], 0);

    public async Task<IReadOnlyList<HisDeposit>> DepositsAsync(Guid patientId, CancellationToken ct) =>
        await http.GetFromJsonAsync<List<HisDeposit>>($"api/his/patients/{patientId}/deposits", ct) ?? [];
}
