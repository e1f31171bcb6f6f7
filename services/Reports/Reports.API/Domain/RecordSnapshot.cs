namespace Reports.API.Domain;

public static class RecordKinds
{
    public const string Reports = "reports";
    public const string Documents = "documents";
    public const string Encounters = "encounters";
}

/// <summary>What the HIS answered for one patient and kind of record, kept as it came (JSON) with the time it was
/// fetched. The HIS stays the source of truth: this is a cache with a freshness time, never edited here.</summary>
public sealed class RecordSnapshot
{
    public required Guid PatientId { get; init; }
    public required string Kind { get; init; }
    public required string Payload { get; set; }
    public required DateTimeOffset FetchedAt { get; set; }
}

/// <summary>Which patient a platform report id (the id report-ready messages link to) belongs to.</summary>
public sealed class ReportIndexEntry
{
    public required Guid ReportId { get; init; }
    public required Guid PatientId { get; init; }
    public required string HisReportId { get; init; }
}
