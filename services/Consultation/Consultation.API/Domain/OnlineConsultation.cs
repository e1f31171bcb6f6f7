namespace Consultation.API.Domain;

public static class ConsultationKinds
{
    /// <summary>图文咨询 (B01).</summary>
    public const string Text = "text";
    /// <summary>互联网复诊 (X01): may end with an e-prescription.</summary>
    public const string FollowUp = "followup";

    public static bool IsKnown(string? kind) => kind is Text or FollowUp;
}

public static class ConsultationStatus
{
    public const string AwaitingPayment = "awaiting-payment";
    public const string Waiting = "waiting";
    public const string InProgress = "in-progress";
    public const string Ended = "ended";
    public const string Cancelled = "cancelled";

    public static string TextOf(string status) => status switch
    {
        AwaitingPayment => "待支付",
        Waiting => "等待医生接诊",
        InProgress => "咨询中",
        Ended => "已结束",
        Cancelled => "已取消",
        _ => status,
    };

    public static bool IsOpen(string status) => status is Waiting or InProgress;
}

/// <summary>One online consultation of a patient with one doctor: paid before the doctor sees it, open for chat until
/// the doctor ends it or its time limit passes. <see cref="MessageCount"/> numbers the messages (the chat's cursor).</summary>
public sealed class OnlineConsultation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AccountId { get; set; }
    public Guid PatientId { get; set; }
    public required string PractitionerHisId { get; set; }
    public required string DoctorName { get; set; }
    public required string DepartmentCode { get; set; }
    public required string DepartmentName { get; set; }
    public required string Kind { get; set; }
    public required string Complaint { get; set; }
    public List<Guid> AttachmentIds { get; set; } = [];
    /// <summary>For a follow-up: the diagnosis of the earlier visit it continues (from the HIS).</summary>
    public string? PriorDiagnosis { get; set; }
    public long FeeFen { get; set; }
    public string Status { get; set; } = ConsultationStatus.AwaitingPayment;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset PayBy { get; set; }
    public DateTimeOffset? PaidAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    /// <summary>Set when paid: the consultation closes by itself at this time.</summary>
    public DateTimeOffset? EndsBy { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    /// <summary>doctor or timeout (or patient for a cancellation before paying).</summary>
    public string? EndedBy { get; set; }
    public string? Summary { get; set; }
    public long MessageCount { get; set; }
    public long PatientReadSeq { get; set; }
    public long DoctorReadSeq { get; set; }
    public uint Version { get; set; }
}

public static class Senders
{
    public const string Patient = "patient";
    public const string Doctor = "doctor";
    public const string System = "system";
}

public sealed class ConsultationMessage
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ConsultationId { get; set; }
    public long Seq { get; set; }
    public required string Sender { get; set; }
    public string? Text { get; set; }
    public Guid? MediaId { get; set; }
    /// <summary>A follow-up plan or other structured card (JSON) pushed by the doctor.</summary>
    public string? Card { get; set; }
    public DateTimeOffset SentAt { get; set; }
}
