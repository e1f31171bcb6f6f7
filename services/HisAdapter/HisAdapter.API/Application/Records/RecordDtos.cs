namespace HisAdapter.API.Application.Records;

public sealed record ObservationItemDto(
    string Id, string Name, string? Loinc, string Value, decimal? NumericValue, string Unit, string ReferenceRange,
    decimal? Low, decimal? High, string? Flag, string? FlagText, bool Abnormal, bool Critical);

public sealed record ReportDto(
    string Id, string Category, string Title, string Status, DateTimeOffset? IssuedAt, string? Conclusion,
    IReadOnlyList<ObservationItemDto> Items);

public sealed record PrescriptionDto(
    string Id, string Status, string Category, string Medication, DateTimeOffset? AuthoredOn, string Prescriber,
    IReadOnlyList<string> Dosage, string? Quantity, string? SupplyDuration);

/// <summary><paramref name="Code"/>: the HIS's charge code, which says the category (GH 挂号, JY-* 检验, JC-* 检查, YP-* 药品,
/// ZY-* 住院); null when the HIS gives none.</summary>
public sealed record ChargeDto(string Id, string Status, string Item, DateTimeOffset? OccurredAt, decimal Quantity, long AmountFen, string? Code);

public sealed record InvoiceDto(string Id, string Number, string Status, string Type, DateTimeOffset? Date, long TotalFen, bool Unpaid,
    IReadOnlyList<string> ChargeIds);

public sealed record ChargesDto(IReadOnlyList<ChargeDto> Items, IReadOnlyList<InvoiceDto> Invoices, long UnpaidFen);

/// <summary>Money into (deposit) or out of (charge) a deposit account, as the HIS recorded it.</summary>
public sealed record DepositMovementDto(string Id, string Kind, string Text, long AmountFen, DateTimeOffset? At);

public sealed record DepositDto(string Id, string Name, string Status, long DepositTotalFen, long ChargesTotalFen, long BalanceFen,
    DateTimeOffset? Since, DateTimeOffset? Until, IReadOnlyList<DepositMovementDto>? Movements = null);
