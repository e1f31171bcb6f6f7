namespace Triage.API.Domain.PreVisit;

/// <summary>The pre-visit screening questionnaire (X12) sent for one booked visit, and the patient's answers.</summary>
public sealed class Screening
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid AppointmentId { get; init; }
    public required Guid PatientId { get; init; }
    public required string Form { get; init; }
    public required DateTimeOffset SentAt { get; init; }
    public Dictionary<string, bool>? Answers { get; private set; }
    public decimal? Temperature { get; private set; }
    public string? Outcome { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }

    public void Answer(Dictionary<string, bool> answers, decimal? temperature, string outcome, DateTimeOffset now)
    {
        Answers = answers;
        Temperature = temperature;
        Outcome = outcome;
        AnsweredAt = now;
    }
}

public static class ScreeningOutcomes
{
    /// <summary>Nothing of concern: come at the booked time.</summary>
    public const string MayCome = "may-come";
    /// <summary>Something of concern: call the clinic (or go to the fever clinic) before coming.</summary>
    public const string ContactClinic = "contact-clinic";
}
