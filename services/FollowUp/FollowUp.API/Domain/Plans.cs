namespace FollowUp.API.Domain;

/// <summary>A follow-up plan template: questionnaires on given days after a discharge or a visit (e.g. day 7, 30, 90);
/// out-of-range answers alert <see cref="CareTeamGroup"/>.</summary>
public sealed class PlanTemplate
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public required string Trigger { get; set; }
    public string? DepartmentName { get; set; }
    public required string CareTeamGroup { get; set; }
    public List<PlanStep> Steps { get; set; } = [];
    public bool Enabled { get; set; } = true;
}

public sealed class PlanStep
{
    public int Day { get; set; }
    public Guid QuestionnaireId { get; set; }
}

/// <summary>A plan started for one patient; its questionnaires are <see cref="SurveyResponse"/> rows scheduled ahead.</summary>
public sealed class FollowUpPlan
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TemplateId { get; init; }
    public Guid PatientId { get; init; }
    public required string SourceRef { get; init; }
    public required string CareTeamGroup { get; init; }
    public DateTimeOffset StartedAt { get; init; }
}
