namespace FollowUp.API.Domain;

/// <summary>A patient's complaint or suggestion, routed to the handling department, acknowledged, answered and rated.</summary>
public sealed class Complaint
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PatientId { get; init; }
    public Guid AccountId { get; init; }
    public required string Kind { get; init; }
    public required string Category { get; init; }
    public string? DepartmentName { get; init; }
    public string? VisitRef { get; init; }
    public required string Text { get; init; }
    public string Status { get; set; } = ComplaintStatus.Submitted;
    public string? HandlerGroup { get; set; }
    public string? EscalationGroup { get; set; }
    public DateTimeOffset? AcknowledgeBy { get; set; }
    public int EscalationLevel { get; set; }
    public DateTimeOffset? EscalatedAt { get; set; }
    public string? AcknowledgedBy { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public DateTimeOffset? RepliedAt { get; set; }
    public int? Rating { get; set; }
    public string? RatingComment { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<ComplaintMessage> Messages { get; init; } = [];
    public List<ComplaintPhoto> Photos { get; init; } = [];
}

public static class ComplaintKind
{
    public const string Complaint = "complaint";
    public const string Suggestion = "suggestion";
    public static readonly string[] All = [Complaint, Suggestion];
}

public static class ComplaintStatus
{
    public const string Submitted = "submitted";
    public const string Routed = "routed";
    public const string Acknowledged = "acknowledged";
    public const string Replied = "replied";
    public const string Closed = "closed";

    public static string TextOf(string status) => status switch
    {
        Routed => "已转交处理部门",
        Acknowledged => "处理中",
        Replied => "医院已回复",
        Closed => "已办结",
        _ => "已提交",
    };
}

public static class ComplaintCategory
{
    public static readonly string[] All = ["服务态度", "医疗质量", "收费问题", "环境设施", "流程等候", "其他"];
}

public sealed class ComplaintMessage
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ComplaintId { get; init; }
    public required string From { get; init; }
    public required string Author { get; init; }
    public required string Text { get; init; }
    public DateTimeOffset At { get; init; }
}

public static class MessageFrom
{
    public const string Patient = "patient";
    public const string Staff = "staff";
}

/// <summary>A photo attached to a complaint, kept in the database: small, and only of a type whose bytes were checked.</summary>
public sealed class ComplaintPhoto
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ComplaintId { get; init; }
    public required string ContentType { get; init; }
    public required byte[] Content { get; init; }
    public int Size { get; init; }
}
