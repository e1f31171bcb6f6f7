using System.Net;
using System.Net.Http.Json;
using Platform.ServiceDefaults.Problems;

namespace Payment.API.Application;

public sealed record HisCharge(string Id, string Status, string Item, DateTimeOffset? OccurredAt, decimal Quantity, long AmountFen, string? Code = null);

public sealed record HisInvoice(string Id, string Number, string Status, string Type, DateTimeOffset? Date, long TotalFen, bool Unpaid,
    IReadOnlyList<string> ChargeIds);

public sealed record HisCharges(IReadOnlyList<HisCharge> Items, IReadOnlyList<HisInvoice> Invoices, long UnpaidFen);

/// <summary>Money into (deposit) or out of (charge) a deposit account, as the HIS recorded it.</summary>
public sealed record HisDepositMovement(string Id, string Kind, string Text, long AmountFen, DateTimeOffset? At);

public sealed record HisDeposit(string Id, string Name, string Status, long DepositTotalFen, long ChargesTotalFen, long BalanceFen,
    DateTimeOffset? Since, DateTimeOffset? Until, IReadOnlyList<HisDepositMovement>? Movements = null);

/// <summary>A patient's fees and deposit accounts as the HIS has them, read through the HIS adapter with this service's
/// integration token. The HIS is the authority on every amount; nothing here is cached.</summary>
public sealed class HisRecords(HttpClient http)
{
    public async Task<HisCharges> ChargesAsync(Guid patientId, CancellationToken ct) =>
        await GetAsync<HisCharges>($"api/his/patients/{patientId}/charges", ct) ?? new HisCharges([], [], 0);

    public async Task<IReadOnlyList<HisDeposit>> DepositsAsync(Guid patientId, CancellationToken ct) =>
        await GetAsync<List<HisDeposit>>($"api/his/patients/{patientId}/deposits", ct) ?? [];

    private async Task<T?> GetAsync<T>(string path, CancellationToken ct)
    {
        using var response = await http.GetAsync(path, ct);
        // The adapter has not linked the patient to a HIS record (yet): the hospital has no fees for them.
        if (response.StatusCode == HttpStatusCode.NotFound)
            throw new ProblemException(404, "patient_not_registered", "该就诊人尚未在医院建档，暂无费用信息");
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"HIS adapter answered {(int)response.StatusCode}", null, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<T>(ct);
    }
}
