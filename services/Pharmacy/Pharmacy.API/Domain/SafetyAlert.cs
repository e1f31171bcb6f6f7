namespace Pharmacy.API.Domain;

/// <summary>A medication-safety warning (R34). <see cref="Key"/> identifies the finding (kind and drugs) so a re-sync
/// never raises it twice; the pharmacist reviews it.</summary>
public sealed class SafetyAlert
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PatientId { get; set; }
    public required string Key { get; set; }
    public required string Kind { get; set; }
    public required string Severity { get; set; }
    public required string Title { get; set; }
    public required string Detail { get; set; }
    public required string Advice { get; set; }
    public List<string> DrugNames { get; set; } = [];
    public List<string> PrescriptionHisIds { get; set; } = [];
    public DateTimeOffset RaisedAt { get; set; }
    /// <summary>open, reviewed or resolved (the prescription that caused it ended).</summary>
    public string Status { get; set; } = SafetyAlertStatus.Open;
    public string? ReviewedBy { get; set; }
    public string? ReviewNote { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
}

public static class SafetyAlertStatus
{
    public const string Open = "open";
    public const string Reviewed = "reviewed";
    public const string Resolved = "resolved";

    public static string TextOf(string status) => status switch { Reviewed => "药师已审核", Resolved => "已解除", _ => "待药师审核" };
}

/// <summary>A patient's question to the pharmacist and the answer.</summary>
public sealed class PharmacistQuestion
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PatientId { get; set; }
    public Guid AccountId { get; set; }
    public Guid? AlertId { get; set; }
    public required string Question { get; set; }
    public DateTimeOffset AskedAt { get; set; }
    public string? Answer { get; set; }
    public string? AnsweredBy { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
}

/// <summary>Who read whose medication data, and what (every read of medical data is audited).</summary>
public sealed class ReadAudit
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Actor { get; set; }
    public required string Role { get; set; }
    public Guid? PatientId { get; set; }
    public required string What { get; set; }
    public DateTimeOffset At { get; set; }
}
