using FollowUp.API.Application;
using FollowUp.API.Domain;

namespace FollowUp.API.Apis;

public sealed record SurveySummaryDto(
    Guid Id, Guid QuestionnaireId, string Title, string Purpose, string PurposeText, string Reason, string? DepartmentName, int? PlanDay,
    string Status, DateTimeOffset? SentAt, DateTimeOffset? CompletedAt, int Answered, int Questions);

public sealed record SurveyDto(
    Guid Id, Guid PatientId, string Title, string? Description, string Purpose, string PurposeText, string? DepartmentName, int? PlanDay,
    string Status, List<QuestionItem> Items, List<Answer> Answers, DateTimeOffset? SavedAt, DateTimeOffset? CompletedAt, bool OutOfRange)
{
    public static SurveyDto From(SurveyResponse r, Questionnaire q) => new(r.Id, r.PatientId, q.Title, q.Description, q.Purpose,
        QuestionnairePurpose.TextOf(q.Purpose), r.DepartmentName, r.PlanDay, r.Status,
        q.Items.Select(i => new QuestionItem { LinkId = i.LinkId, Text = i.Text, Type = i.Type, Required = i.Required, Options = i.Options, Min = i.Min, Max = i.Max }).ToList(),
        r.Answers, r.SavedAt, r.CompletedAt, r.OutOfRange);
}

public sealed record ComplaintSummaryDto(
    Guid Id, Guid PatientId, string Kind, string Category, string? DepartmentName, string Excerpt, string Status, string StatusText,
    string? HandlerGroup, int EscalationLevel, DateTimeOffset? AcknowledgeBy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int? Rating)
{
    public static ComplaintSummaryDto From(Complaint c) => new(c.Id, c.PatientId, c.Kind, c.Category, c.DepartmentName,
        Complaints.Excerpt(c.Text, 40), c.Status, ComplaintStatus.TextOf(c.Status), c.HandlerGroup, c.EscalationLevel, c.AcknowledgeBy,
        c.CreatedAt, c.UpdatedAt, c.Rating);
}

public sealed record ComplaintMessageDto(Guid Id, string From, string Author, string Text, DateTimeOffset At);

public sealed record ComplaintDto(
    Guid Id, Guid PatientId, string Kind, string Category, string? DepartmentName, string? VisitRef, string Text, string Status,
    string StatusText, string? HandlerGroup, string? EscalationGroup, int EscalationLevel, DateTimeOffset? AcknowledgeBy,
    string? AcknowledgedBy, DateTimeOffset? AcknowledgedAt, DateTimeOffset? RepliedAt, int? Rating, string? RatingComment,
    DateTimeOffset CreatedAt, List<Guid> PhotoIds, List<ComplaintMessageDto> Messages)
{
    public static ComplaintDto From(Complaint c, List<Guid> photoIds) => new(c.Id, c.PatientId, c.Kind, c.Category, c.DepartmentName,
        c.VisitRef, c.Text, c.Status, ComplaintStatus.TextOf(c.Status), c.HandlerGroup, c.EscalationGroup, c.EscalationLevel,
        c.AcknowledgeBy, c.AcknowledgedBy, c.AcknowledgedAt, c.RepliedAt, c.Rating, c.RatingComment, c.CreatedAt, photoIds,
        c.Messages.OrderBy(m => m.At).Select(m => new ComplaintMessageDto(m.Id, m.From, m.Author, m.Text, m.At)).ToList());
}

public sealed record VisitDto(string Ref, string Kind, string? DepartmentName, string? DoctorName, DateTimeOffset At)
{
    public static VisitDto From(Visit v) => new(v.SourceRef, v.Kind, v.DepartmentName, v.DoctorName, v.At);
}

public sealed record PreferenceDto(bool SurveysOptedOut, bool RecruitmentConsent);
