namespace Consultation.API.Domain;

public static class PrescriptionStatus
{
    public const string PendingReview = "pending-review";
    public const string Approved = "approved";
    public const string Rejected = "rejected";

    public static string TextOf(string status) => status switch
    {
        PendingReview => "待药师审核",
        Approved => "药师已审核，已发送至药房",
        Rejected => "药师审核未通过",
        _ => status,
    };
}

/// <summary>An e-prescription written in an internet follow-up visit: held until a pharmacist approves it.</summary>
public sealed class EPrescription
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ConsultationId { get; set; }
    public Guid PatientId { get; set; }
    public required string PractitionerHisId { get; set; }
    public required string DoctorName { get; set; }
    public required string Diagnosis { get; set; }
    public List<EPrescriptionItem> Items { get; set; } = [];
    public string Status { get; set; } = PrescriptionStatus.PendingReview;
    public DateTimeOffset CreatedAt { get; set; }
    public string? ReviewedBy { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public string? ReviewNote { get; set; }
    /// <summary>Two pharmacists reviewing at once: one wins, the other is told it changed.</summary>
    public uint Version { get; set; }
}

public sealed class EPrescriptionItem
{
    public required string DrugCode { get; set; }
    public required string DrugName { get; set; }
    public decimal Dose { get; set; }
    public required string Unit { get; set; }
    public int TimesPerDay { get; set; }
    public int Days { get; set; }
    public required string Route { get; set; }
}
