namespace HisAdapter.API.Application.Records;

public sealed record ObservationItemDto(
    string Id, string Name, string? Loinc, string Value, decimal? NumericValue, string Unit, string ReferenceRange,
    decimal? Low, decimal? High, string? Flag, string? FlagText, bool Abnormal, bool Critical);

/// <summary>The trailing fields are what a printed report carries besides its results: accession number, when the specimen
/// was taken or the study done, who read it, the performing department, the visit, the imaging findings and study.</summary>
public sealed record ReportDto(
    string Id, string Category, string Title, string Status, DateTimeOffset? IssuedAt, string? Conclusion,
    IReadOnlyList<ObservationItemDto> Items, string? CategoryCode = null, string? Accession = null, DateTimeOffset? EffectiveAt = null,
    string? Interpreter = null, string? Performer = null, string? EncounterId = null, string? Findings = null, ImagingDto? Imaging = null,
    IReadOnlyList<KeyImageDto>? KeyImages = null);

/// <summary>A key image (关键图像) the radiologist attached to the report (DiagnosticReport.media), by its position.</summary>
public sealed record KeyImageDto(int Index, string Caption);

public sealed record KeyImageContent(string ContentType, byte[] Data);

public sealed record ImagingDto(string Id, string Modality, string? BodySite, int? Series, int? Instances, string? Referrer);

/// <summary>A clinical document (门诊病历, 出院小结): its text as the HIS wrote it, in sections 【标题】内容.</summary>
public sealed record DocumentDto(
    string Id, string Kind, string Title, string Status, DateTimeOffset? Date, string? Author, string? AuthorId, string? Description,
    string? EncounterId, string Text);

/// <summary>A visit (就诊记录): outpatient, emergency or admission, with the attending doctor and diagnosis.</summary>
public sealed record EncounterDto(
    string Id, string Class, string Type, string Status, DateTimeOffset? Start, DateTimeOffset? End, string? Department,
    string? Doctor, string? DoctorId, string? Reason, string? Diagnosis, string? Location, string? Disposition);

/// <summary>A diagnosis (Condition) as the HIS coded it: the ICD-10 code and its text, whether it is still active
/// (clinicalStatus), and since when (onset, else the date it was recorded).</summary>
public sealed record ConditionDto(string Id, string? Code, string? Display, string ClinicalStatus, DateTimeOffset? Onset);

/// <summary>Whether the practitioner has looked after the patient (a visit they attended or an appointment with them).</summary>
public sealed record CareRelationshipDto(bool Related, string? Basis);

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
