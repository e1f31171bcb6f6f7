using Hospital.API.Application.Content;
using Hospital.API.Application.Publishing;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.Problems;

namespace Hospital.API.Apis;

/// <summary>医院介绍, 就医指南 and 预约须知 as published by staff.</summary>
public static class HospitalInfoApi
{
    public static IEndpointRouteBuilder MapHospitalInfoApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/hospital").WithTags("医院信息");
        api.MapGet("/profile", Profile).WithName("GetHospitalProfile").WithSummary("医院介绍与院区");
        api.MapGet("/guides", Guides).WithName("ListGuides").WithSummary("就医指南（category=guide）与预约须知（category=booking）");
        api.MapGet("/guides/{key}", GetGuide).WithName("GetGuide").WithSummary("指南详情");
        return app;
    }

    public static async Task<Ok<HospitalProfile>> Profile(PublishedContent<HospitalProfile> content, CancellationToken ct) =>
        TypedResults.Ok(await content.GetAsync(HospitalProfile.Key, ct) ?? throw ProblemException.NotFound("医院介绍"));

    public sealed record GuideSummary(string Key, string Category, string Title, string Summary, int Steps);

    public static async Task<Ok<List<GuideSummary>>> Guides(PublishedContent<Guide> content, CancellationToken ct, string? category = null)
    {
        var guides = await content.ListAsync(ct);
        return TypedResults.Ok(guides.Where(g => category is null || g.Value.Category == category)
            .OrderBy(g => g.Value.SortOrder).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new GuideSummary(g.Key, g.Value.Category, g.Value.Title, g.Value.Summary, g.Value.Steps.Count)).ToList());
    }

    public static async Task<Ok<Guide>> GetGuide(string key, PublishedContent<Guide> content, CancellationToken ct) =>
        TypedResults.Ok(await content.GetAsync(key, ct) ?? throw ProblemException.NotFound("指南"));
}
