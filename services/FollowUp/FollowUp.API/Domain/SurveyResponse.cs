namespace FollowUp.API.Domain;

/// <summary>A questionnaire sent to one patient and their answers (a FHIR QuestionnaireResponse): created when it is
/// scheduled, sent at <see cref="SendAt"/>, saved as the patient goes (in-progress) and completed once.</summary>
public sealed class SurveyResponse
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid QuestionnaireId { get; init; }
    public Guid PatientId { get; init; }
    public required string Reason { get; init; }
    public string? DepartmentName { get; init; }
    public string? VisitRef { get; init; }
    public Guid? PlanId { get; init; }
    public int? PlanDay { get; init; }
    public DateTimeOffset SendAt { get; init; }
    public DateTimeOffset? SentAt { get; set; }
    public string Status { get; set; } = SurveyStatus.Scheduled;
    public List<Answer> Answers { get; set; } = [];
    public DateTimeOffset? SavedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public bool OutOfRange { get; set; }
}

public static class SurveyStatus
{
    public const string Scheduled = "scheduled";
    public const string Sent = "sent";
    public const string InProgress = "in-progress";
    public const string Completed = "completed";
    public const string Skipped = "skipped";
}

public static class SurveyReason
{
    public const string Visit = "visit";
    public const string Discharge = "discharge";
    public const string Plan = "plan";
    public const string Manual = "manual";
}

/// <summary>One answer: a number (rating, NPS, number), chosen options, or text.</summary>
public sealed class Answer
{
    public required string LinkId { get; set; }
    public decimal? Number { get; set; }
    public List<string> Choices { get; set; } = [];
    public string? Text { get; set; }
}
