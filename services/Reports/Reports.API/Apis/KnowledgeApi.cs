using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Reports.API.Domain;
using Reports.API.Infrastructure;

namespace Reports.API.Apis;

/// <summary>The reviewed lab knowledge base behind the explanations (X11): public, it holds nothing about anyone.</summary>
public static class KnowledgeApi
{
    public static IEndpointRouteBuilder MapKnowledgeApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/reports/knowledge", List).WithTags("检验项目科普").AllowAnonymous()
            .WithName("LabKnowledge").WithSummary("检验项目通俗解释（来源与审核日期）");
        return app;
    }

    public static async Task<Ok<List<KnowledgeItem>>> List(ReportsDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.Knowledge.AsNoTracking().OrderBy(k => k.Name).ToListAsync(ct));
}
