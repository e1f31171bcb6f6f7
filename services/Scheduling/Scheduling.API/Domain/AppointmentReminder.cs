namespace Scheduling.API.Domain;

/// <summary>The day-before reminder of one clinic or exam appointment was sent: the key is the appointment, so a
/// restart or a second replica never reminds twice.</summary>
public sealed class AppointmentReminder
{
    public const string Clinic = "clinic";
    public const string Exam = "exam";

    public required Guid AppointmentId { get; init; }
    public required string Kind { get; init; }
    public required DateTimeOffset StartsAt { get; init; }
    public required DateTimeOffset RemindedAt { get; init; }
}
