namespace FollowUp.API.Domain;

/// <summary>A questionnaire as staff build it; served to the phone as a FHIR R4 Questionnaire. <see cref="Purpose"/> says
/// why patients get it: a satisfaction survey, a follow-up questionnaire of a plan, or a clinical-study recruitment.</summary>
public sealed class Questionnaire
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Title { get; set; }
    public string? Description { get; set; }
    public required string Purpose { get; set; }
    public string? DepartmentName { get; set; }
    public List<QuestionItem> Items { get; set; } = [];
    public bool Active { get; set; } = true;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public static class QuestionnairePurpose
{
    public const string Satisfaction = "satisfaction";
    public const string FollowUp = "followup";
    public const string Recruitment = "recruitment";
    public static readonly string[] All = [Satisfaction, FollowUp, Recruitment];

    public static string TextOf(string purpose) => purpose switch
    {
        FollowUp => "随访问卷",
        Recruitment => "临床研究招募",
        _ => "满意度调查",
    };
}

/// <summary>One question. Rating is 1..<see cref="Max"/> stars (5 unless set), NPS 0..10; for rating, NPS and number
/// answers <see cref="AlertBelow"/>/<see cref="AlertAbove"/> mark the range the care team must hear about, for choices
/// <see cref="AlertOptions"/>.</summary>
public sealed class QuestionItem
{
    public required string LinkId { get; set; }
    public required string Text { get; set; }
    public required string Type { get; set; }
    public bool Required { get; set; }
    public List<string> Options { get; set; } = [];
    public decimal? Min { get; set; }
    public decimal? Max { get; set; }
    public decimal? AlertBelow { get; set; }
    public decimal? AlertAbove { get; set; }
    public List<string> AlertOptions { get; set; } = [];
}

public static class QuestionType
{
    public const string Rating = "rating";
    public const string Choice = "choice";
    public const string Multiple = "multiple";
    public const string Text = "text";
    public const string Nps = "nps";
    public const string Number = "number";
    public static readonly string[] All = [Rating, Choice, Multiple, Text, Nps, Number];
    public static bool IsNumeric(string type) => type is Rating or Nps or Number;
}
