using Notification.API.Domain;

namespace Notification.API.Application;

/// <summary>What an event means for one patient, before it is addressed to the accounts acting for them.
/// <paramref name="MustNotBeMissed"/> adds SMS to the channels.</summary>
public sealed record MessageDraft(
    Guid PatientId,
    string Category,
    string Title,
    string Body,
    string? Link,
    string Severity = MessageSeverity.Normal,
    bool MustNotBeMissed = false)
{
    public bool IsCritical => Severity == MessageSeverity.Critical;
}
