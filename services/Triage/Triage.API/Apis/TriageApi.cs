using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Triage.API.Application;

namespace Triage.API.Apis;

/// <summary>The patient's triage (R13): no sign-in needed.</summary>
public static class TriageApi
{
    private const int SuggestionsPerBodyPart = 12;

    public static IEndpointRouteBuilder MapTriageApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/triage").WithTags("智能导诊").AllowAnonymous();
        api.MapPost("/assessments", Assess).WithName("AssessComplaint").WithSummary("按部位与症状推荐科室（含危险信号与追问）");
        api.MapGet("/body-parts", BodyParts).WithName("ListBodyParts").WithSummary("人体图部位及其常见症状");
        api.MapGet("/symptoms", Symptoms).WithName("SuggestSymptoms").WithSummary("某部位的常见症状（症状选择器）");
        return app;
    }

    public static async Task<Ok<AssessmentResponse>> Assess(AssessmentRequest request, ClaimsPrincipal user, Assessments assessments, CancellationToken ct) =>
        TypedResults.Ok(await assessments.AssessAsync(request, user, ct));

    public static async Task<Ok<List<BodyPartDto>>> BodyParts(KnowledgeCache cache, CancellationToken ct)
    {
        var kb = await cache.GetAsync(ct);
        return TypedResults.Ok(kb.BodyParts
            .Select(b => new BodyPartDto(b.Name, kb.Symptoms.Where(s => s.BodyParts.Contains(b.Name)).Select(s => s.Name).Take(SuggestionsPerBodyPart).ToList()))
            .ToList());
    }

    public static async Task<Ok<List<SymptomSuggestionDto>>> Symptoms(string? bodyPart, KnowledgeCache cache, CancellationToken ct)
    {
        var kb = await cache.GetAsync(ct);
        var part = kb.BodyPartOrWhole(bodyPart)?.Name ?? "全身";
        return TypedResults.Ok(kb.Symptoms.Where(s => s.BodyParts.Contains(part))
            .Select(s => new SymptomSuggestionDto(s.Name, s.Terms.Where(t => t != s.Name && !GapTerm.TryParse(t, out _)).OrderBy(t => t.Length).Take(3).ToList()))
            .ToList());
    }
}
