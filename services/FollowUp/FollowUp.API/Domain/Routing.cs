namespace FollowUp.API.Domain;

/// <summary>Where complaints of a category about a department go, and who hears if nobody acknowledges them in time.
/// A null category or department matches any; the most specific rule wins.</summary>
public sealed class RoutingRule
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public string? Category { get; set; }
    public string? DepartmentName { get; set; }
    public required string HandlerGroup { get; set; }
    public int AcknowledgeWithinMinutes { get; set; } = 30;
    public string? EscalationGroup { get; set; }

    public int Specificity => (Category is null ? 0 : 2) + (DepartmentName is null ? 0 : 1);

    public bool Matches(string category, string? department) =>
        (Category is null || Category == category) && (DepartmentName is null || DepartmentName == department);
}

/// <summary>A member of staff who receives alerts for a group (a management department or a care team); the phone is
/// kept encrypted and shown masked.</summary>
public sealed class StaffContact
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Group { get; set; }
    public required string Name { get; set; }
    public required string PhoneEncrypted { get; set; }
    public required string PhoneMasked { get; set; }
}

/// <summary>What staff are told: shown in the admin console's message list (app message) and sent by SMS to each
/// contact of the group. Claimed with a lease, sent outside any transaction, outcome recorded.</summary>
public sealed class StaffAlert
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Group { get; init; }
    public required string Kind { get; init; }
    public required string Title { get; init; }
    public required string Body { get; init; }
    public Guid? ComplaintId { get; init; }
    public Guid? ResponseId { get; init; }
    public Guid? PatientId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public List<StaffSms> Sms { get; init; } = [];
}

public static class StaffAlertKind
{
    public const string ComplaintRouted = "complaint-routed";
    public const string ComplaintEscalated = "complaint-escalated";
    public const string PatientReplied = "patient-replied";
    public const string AnswerOutOfRange = "answer-out-of-range";
}

public sealed class StaffSms
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid AlertId { get; init; }
    public Guid ContactId { get; init; }
    public required string PhoneEncrypted { get; init; }
    public string Status { get; set; } = "pending";
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public string? Error { get; set; }
    public DateTimeOffset? SentAt { get; set; }
}
