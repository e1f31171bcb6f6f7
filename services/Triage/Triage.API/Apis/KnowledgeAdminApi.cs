using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;
using Triage.API.Application;
using Triage.API.Domain;
using Triage.API.Infrastructure;

namespace Triage.API.Apis;

/// <summary>Staff maintain the knowledge base (admin console): list, create, replace and delete each kind of entry.
/// A change takes effect on the next assessment.</summary>
public static class KnowledgeAdminApi
{
    public static IEndpointRouteBuilder MapKnowledgeAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/triage/admin").WithTags("导诊知识库").RequireAuthorization(PlatformRoles.Staff);
        admin.MapEntries("symptoms", db => db.Symptoms, KnowledgeRules.Copy, KnowledgeRules.Check);
        admin.MapEntries("body-parts", db => db.BodyParts, KnowledgeRules.Copy, KnowledgeRules.Check);
        admin.MapEntries("questions", db => db.Questions, KnowledgeRules.Copy, KnowledgeRules.Check);
        admin.MapEntries("red-flags", db => db.RedFlags, KnowledgeRules.Copy, KnowledgeRules.Check);
        admin.MapEntries("population-rules", db => db.PopulationRules, KnowledgeRules.Copy, KnowledgeRules.Check);
        admin.MapEntries("specialties", db => db.Specialties, KnowledgeRules.Copy, KnowledgeRules.Check);
        admin.MapGet("/departments", Departments).WithName("ListTriageDepartments").WithSummary("导诊所用的本院科室（同步自医院服务）");
        return app;
    }

    public static async Task<Ok<List<HospitalDepartment>>> Departments(TriageDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.Departments.AsNoTracking().OrderBy(d => d.Name).ToListAsync(ct));

    private static void MapEntries<T>(this RouteGroupBuilder admin, string path, Func<TriageDbContext, DbSet<T>> set, Action<T, T> copy,
        Action<T, Validation> check) where T : KnowledgeEntry
    {
        var kind = typeof(T).Name;
        admin.MapGet($"/{path}", async (TriageDbContext db, CancellationToken ct) =>
                TypedResults.Ok((await set(db).AsNoTracking().ToListAsync(ct)).OrderBy(e => e.Key, StringComparer.Ordinal).ToList()))
            .WithName($"List{kind}").WithSummary($"{path} 列表");
        admin.MapPost($"/{path}", async Task<Created<T>> (T entry, TriageDbContext db, KnowledgeCache cache, TimeProvider clock, CancellationToken ct) =>
            {
                var row = Activator.CreateInstance<T>();
                await SaveAsync(set(db), row, entry, copy, check, clock, ct);
                set(db).Add(row);
                await db.SaveChangesAsync(ct);
                cache.Invalidate();
                return TypedResults.Created($"/api/triage/admin/{path}/{row.Id}", row);
            })
            .WithName($"Create{kind}").WithSummary($"新增 {path}");
        admin.MapPut($"/{path}/{{id:guid}}", async Task<Ok<T>> (Guid id, T entry, TriageDbContext db, KnowledgeCache cache, TimeProvider clock,
                CancellationToken ct) =>
            {
                var row = await set(db).FirstOrDefaultAsync(e => e.Id == id, ct) ?? throw ProblemException.NotFound("知识库条目");
                await SaveAsync(set(db), row, entry, copy, check, clock, ct);
                await db.SaveChangesAsync(ct);
                cache.Invalidate();
                return TypedResults.Ok(row);
            })
            .WithName($"Update{kind}").WithSummary($"修改 {path}");
        admin.MapDelete($"/{path}/{{id:guid}}", async Task<NoContent> (Guid id, TriageDbContext db, KnowledgeCache cache, CancellationToken ct) =>
            {
                var row = await set(db).FirstOrDefaultAsync(e => e.Id == id, ct) ?? throw ProblemException.NotFound("知识库条目");
                set(db).Remove(row);
                await db.SaveChangesAsync(ct);
                cache.Invalidate();
                return TypedResults.NoContent();
            })
            .WithName($"Delete{kind}").WithSummary($"删除 {path}");
    }

    private static async Task SaveAsync<T>(DbSet<T> set, T row, T entry, Action<T, T> copy, Action<T, Validation> check,
        TimeProvider clock, CancellationToken ct) where T : KnowledgeEntry
    {
        var validation = new Validation();
        check(entry, validation);
        validation.ThrowIfAny();
        var others = await set.AsNoTracking().Where(e => e.Id != row.Id).ToListAsync(ct);
        if (others.Any(o => o.Key == entry.Key))
            throw ProblemException.Conflict("duplicate", $"「{entry.Key}」已存在");
        copy(entry, row);
        row.UpdatedAt = clock.GetUtcNow();
    }
}
