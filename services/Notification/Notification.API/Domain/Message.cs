namespace Notification.API.Domain;

/// <summary>One notification as the account holder sees it in the message centre. An event about a patient becomes
/// one message for every account acting for that patient.</summary>
public sealed class Message
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid AccountId { get; init; }
    public Guid? PatientId { get; init; }

    /// <summary>The integration event the message came from; with account and patient it is unique, so a replayed
    /// event can never make a second message.</summary>
    public Guid SourceEventId { get; init; }
    public required string Category { get; init; }
    public required string Title { get; init; }
    public required string Body { get; init; }
    public string? Link { get; init; }
    public string Severity { get; init; } = MessageSeverity.Normal;
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ReadAt { get; private set; }

    public void MarkRead(DateTimeOffset at) => ReadAt ??= at;
}

public static class MessageSeverity
{
    public const string Normal = "normal";
    public const string Important = "important";
    public const string Critical = "critical";
}

public static class MessageCategory
{
    public const string Appointment = "appointment";
    public const string ClinicStopped = "clinic-stopped";
    public const string Payment = "payment";
    public const string Report = "report";
    public const string CriticalValue = "critical-value";
    public const string Inpatient = "inpatient";
    public const string Surgery = "surgery";
    public const string Pharmacy = "pharmacy";
    public const string Queue = "queue";
    public const string Consultation = "consultation";
    public const string Survey = "survey";
    public const string Complaint = "complaint";
    public const string Convenience = "convenience";
    public const string Chronic = "chronic";
}
