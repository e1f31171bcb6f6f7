namespace FollowUp.API.Domain;

/// <summary>Which questionnaire a patient gets after doing something: a visit in a department, a discharge, an exam.
/// A recruitment rule only reaches patients who consented to be contacted about studies and who have, in the HIS, an
/// active diagnosis the study looks for.</summary>
public sealed class TargetingRule
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Trigger { get; set; }
    public string? DepartmentName { get; set; }
    /// <summary>The diagnoses a study recruits: ICD-10 code prefixes (E11 matches E11.9) or words of the diagnosis text
    /// (糖尿病). Empty: no condition is required (surveys).</summary>
    public List<string> ConditionTerms { get; set; } = [];
    public Guid QuestionnaireId { get; set; }
    public int DelayHours { get; set; } = 2;
    public bool Enabled { get; set; } = true;
}

public static class Trigger
{
    public const string Visit = "visit";
    public const string Discharge = "discharge";
    /// <summary>A lab or imaging report became final: the exam was done. Its department is the report's category (检验, 检查).</summary>
    public const string Exam = "exam";
    public static readonly string[] All = [Visit, Discharge, Exam];
}

/// <summary>A patient's choices: no more surveys, and whether study recruitment may reach them.</summary>
public sealed class SurveyPreference
{
    public Guid PatientId { get; init; }
    public bool SurveysOptedOut { get; set; }
    public bool RecruitmentConsent { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>Something the patient actually did: a visit (the doctor called them, as Queue announced it), a discharge, an
/// exam (its report became final); complaints and surveys refer to it.</summary>
public sealed class Visit
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string SourceRef { get; init; }
    public Guid PatientId { get; init; }
    public required string Kind { get; init; }
    public string? DepartmentName { get; init; }
    public string? DoctorName { get; init; }
    public DateTimeOffset At { get; init; }
}

/// <summary>A diagnosis of the patient as the HIS adapter reads it.</summary>
public sealed record PatientCondition(string Id, string? Code, string? Display, string ClinicalStatus, DateTimeOffset? Onset)
{
    private static readonly string[] ActiveStatuses = ["active", "recurrence", "relapse"];

    public bool IsActive => ActiveStatuses.Contains(ClinicalStatus);

    public bool Matches(string term) =>
        (Code is not null && Code.StartsWith(term, StringComparison.OrdinalIgnoreCase))
        || (Display is not null && Display.Contains(term, StringComparison.OrdinalIgnoreCase));
}
