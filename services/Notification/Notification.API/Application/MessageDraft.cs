using Notification.API.Domain;

namespace Notification.API.Application;

/// <summary>What an event means for one patient, before it is addressed to the accounts acting for them.
/// <paramref name="MustNotBeMissed"/> adds SMS to the channels; <paramref name="SmsUnlessOnWeChat"/> sends SMS only to an
/// account that cannot be reached by a WeChat template message (a reminder must reach the phone once, not twice).</summary>
public sealed record MessageDraft(
    Guid PatientId,
    string Category,
    string Title,
    string Body,
    string? Link,
    string Severity = MessageSeverity.Normal,
    bool MustNotBeMissed = false,
    bool SmsUnlessOnWeChat = false)
{
    public bool IsCritical => Severity == MessageSeverity.Critical;
}
