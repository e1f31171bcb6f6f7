using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Pharmacy.API.Application;
using Pharmacy.API.Infrastructure;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;
using System.Security.Claims;

namespace Pharmacy.API.Apis;

public sealed record LeafletUpdate(string? Indications, string? Dosage, string? Contraindications, string? AdverseReactions, string? Storage,
    string? HowToTake, string? Source);

public sealed record InteractionDto(string DrugA, string DrugB, string Severity, string Description, string Advice);

/// <summary>The drug knowledge base: leaflets (说明书) for anyone, maintained by pharmacists with source and review date.</summary>
public static class DrugKnowledgeApi
{
    public static IEndpointRouteBuilder MapDrugKnowledgeApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/pharmacy/drugs").WithTags("药品知识库");
        api.MapGet("/", Search).WithName("SearchDrugs").WithSummary("药品检索（名称或类别）");
        api.MapGet("/{code}", Leaflet).WithName("DrugLeaflet").WithSummary("药品说明书");
        api.MapGet("/{code}/interactions", Interactions).WithName("DrugInteractions").WithSummary("该药的相互作用");
        api.MapPut("/{code}", Update).WithName("UpdateLeaflet").WithSummary("药师维护说明书（记录审核人与审核日期）")
            .RequireAuthorization(PlatformRoles.Pharmacist);
        return app;
    }

    public static async Task<Ok<List<LeafletDto>>> Search(string? q, PharmacyDbContext db, CancellationToken ct)
    {
        var query = db.Drugs.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q)) query = query.Where(d => d.Name.Contains(q.Trim()) || d.DrugClass.Contains(q.Trim()) || d.Code == q.Trim());
        return TypedResults.Ok((await query.OrderBy(d => d.DrugClass).ThenBy(d => d.Name).Take(200).ToListAsync(ct)).Select(LeafletDto.From).ToList());
    }

    public static async Task<Results<Ok<LeafletDto>, NotFound>> Leaflet(string code, PharmacyDbContext db, CancellationToken ct) =>
        await db.Drugs.AsNoTracking().SingleOrDefaultAsync(d => d.Code == code, ct) is { } d ? TypedResults.Ok(LeafletDto.From(d)) : TypedResults.NotFound();

    public static async Task<Ok<List<InteractionDto>>> Interactions(string code, PharmacyDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.Interactions.AsNoTracking().Where(i => i.DrugA == code || i.DrugB == code)
            .Select(i => new InteractionDto(i.DrugA, i.DrugB, i.Severity, i.Description, i.Advice)).ToListAsync(ct));

    public static async Task<Ok<LeafletDto>> Update(string code, LeafletUpdate update, ClaimsPrincipal user, PharmacyDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var d = await db.Drugs.SingleOrDefaultAsync(x => x.Code == code, ct) ?? throw ProblemException.NotFound("药品");
        static string Keep(string? v, string old) => string.IsNullOrWhiteSpace(v) ? old : v.Trim();
        d.Indications = Keep(update.Indications, d.Indications);
        d.Dosage = Keep(update.Dosage, d.Dosage);
        d.Contraindications = Keep(update.Contraindications, d.Contraindications);
        d.AdverseReactions = Keep(update.AdverseReactions, d.AdverseReactions);
        d.Storage = Keep(update.Storage, d.Storage);
        d.HowToTake = Keep(update.HowToTake, d.HowToTake);
        d.Source = Keep(update.Source, d.Source);
        var now = clock.GetUtcNow();
        d.ReviewedOn = DateOnly.FromDateTime(now.ToOffset(DoseSchedules.Shanghai).DateTime);
        d.ReviewedBy = user.FindFirst(PlatformClaims.Name)?.Value ?? "药师";
        d.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(LeafletDto.From(d));
    }
}
