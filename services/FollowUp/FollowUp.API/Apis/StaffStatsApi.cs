using System.Globalization;
using FollowUp.API.Domain;
using FollowUp.API.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Auth;

namespace FollowUp.API.Apis;

public sealed record ResponseRateDto(Guid QuestionnaireId, string Title, string Purpose, int Sent, int Completed, double Rate);

public sealed record ScorePointDto(string Department, string Week, int Responses, double? AverageRating, double? Nps);

public sealed record ComplaintStatsDto(int Total, int Open, int Escalated, double? AverageRating);

public sealed record StatsDto(List<ResponseRateDto> ResponseRates, List<ScorePointDto> Scores, ComplaintStatsDto Complaints);

/// <summary>Results as the admin console charts them: response rate per questionnaire, scores by department per week
/// (ratings scaled to 5, NPS as promoters minus detractors), and complaint handling.</summary>
public static class StaffStatsApi
{
    public static IEndpointRouteBuilder MapStaffStatsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/followup/admin/stats", Stats).WithTags("统计").WithName("FollowUpStats").WithSummary("回复率与满意度趋势")
            .RequireAuthorization(PlatformRoles.Staff);
        return app;
    }

    public static async Task<Ok<StatsDto>> Stats(int? days, FollowUpDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var since = clock.GetUtcNow().AddDays(-Math.Clamp(days ?? 90, 1, 366));
        var questionnaires = await db.Questionnaires.AsNoTracking().ToDictionaryAsync(q => q.Id, ct);
        var responses = await db.Responses.AsNoTracking()
            .Where(r => r.SentAt != null && r.SentAt >= since && r.Status != SurveyStatus.Skipped).ToListAsync(ct);
        var rates = responses.GroupBy(r => r.QuestionnaireId).Where(g => questionnaires.ContainsKey(g.Key)).Select(g =>
        {
            var q = questionnaires[g.Key];
            var done = g.Count(r => r.Status == SurveyStatus.Completed);
            return new ResponseRateDto(q.Id, q.Title, q.Purpose, g.Count(), done, Math.Round(100.0 * done / g.Count(), 1));
        }).OrderByDescending(r => r.Sent).ToList();
        // Satisfaction only: a follow-up questionnaire's numbers are symptoms, not scores.
        var scores = responses.Where(r => r.Status == SurveyStatus.Completed && questionnaires.TryGetValue(r.QuestionnaireId, out var q)
                && q.Purpose == QuestionnairePurpose.Satisfaction)
            .GroupBy(r => (Department: r.DepartmentName ?? "全院", Week: WeekOf(r.CompletedAt!.Value)))
            .Select(g => Score(g.Key.Department, g.Key.Week, g.ToList(), questionnaires))
            .OrderBy(s => s.Week).ThenBy(s => s.Department).ToList();
        var complaints = await db.Complaints.AsNoTracking().Where(c => c.CreatedAt >= since)
            .GroupBy(_ => 1).Select(g => new
            {
                Total = g.Count(),
                Open = g.Count(c => c.Status == ComplaintStatus.Routed || c.Status == ComplaintStatus.Acknowledged),
                Escalated = g.Count(c => c.EscalationLevel > 0),
                Rating = g.Average(c => (double?)c.Rating),
            }).SingleOrDefaultAsync(ct);
        return TypedResults.Ok(new StatsDto(rates, scores,
            new ComplaintStatsDto(complaints?.Total ?? 0, complaints?.Open ?? 0, complaints?.Escalated ?? 0, complaints?.Rating is { } a ? Math.Round(a, 2) : null)));
    }

    private static ScorePointDto Score(string department, string week, List<SurveyResponse> rs, Dictionary<Guid, Questionnaire> questionnaires)
    {
        var ratings = new List<double>();
        var nps = new List<decimal>();
        foreach (var r in rs)
        {
            var items = questionnaires[r.QuestionnaireId].Items.ToDictionary(i => i.LinkId);
            foreach (var a in r.Answers.Where(a => a.Number is not null && items.ContainsKey(a.LinkId)))
            {
                var item = items[a.LinkId];
                if (item.Type == QuestionType.Rating) ratings.Add((double)a.Number!.Value * 5 / (double)(item.Max ?? 5));
                else if (item.Type == QuestionType.Nps) nps.Add(a.Number!.Value);
            }
        }
        double? npsScore = nps.Count == 0 ? null : Math.Round(100.0 * (nps.Count(n => n >= 9) - nps.Count(n => n <= 6)) / nps.Count, 1);
        return new ScorePointDto(department, week, rs.Count, ratings.Count == 0 ? null : Math.Round(ratings.Average(), 2), npsScore);
    }

    private static readonly TimeZoneInfo China = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static string WeekOf(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, China).DateTime;
        return $"{ISOWeek.GetYear(local)}-W{ISOWeek.GetWeekOfYear(local):00}";
    }
}
