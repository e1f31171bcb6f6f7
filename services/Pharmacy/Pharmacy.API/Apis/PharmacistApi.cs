using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Pharmacy.API.Application;
using Pharmacy.API.Domain;
using Pharmacy.API.Infrastructure;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;

namespace Pharmacy.API.Apis;

public sealed record ReviewRequest(string? Note);

public sealed record AnswerRequest(string? Answer);

/// <summary>The pharmacist's page: medication-safety alerts to review, deliveries to release, patients' questions.</summary>
public static class PharmacistApi
{
    public static IEndpointRouteBuilder MapPharmacistApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/pharmacy/pharmacist").WithTags("药师工作台").RequireAuthorization(PlatformRoles.Pharmacist);
        api.MapGet("/alerts", Alerts).WithName("PharmacistAlerts").WithSummary("合理用药警示（status=open 为待审核）");
        api.MapPost("/alerts/{id:guid}/review", Review).WithName("ReviewAlert").WithSummary("审核警示并留下处理意见");
        api.MapGet("/deliveries", Deliveries).WithName("PharmacistDeliveries").WithSummary("配送订单（status=paid 为待放行）");
        api.MapPost("/deliveries/{id:guid}/release", Release).WithName("ReleaseDelivery").WithSummary("审核放行配送订单（生成运单）");
        api.MapGet("/questions", Questions).WithName("PharmacistQuestions").WithSummary("患者用药咨询");
        api.MapPost("/questions/{id:guid}/answer", Answer).WithName("AnswerQuestion").WithSummary("回复用药咨询");
        return app;
    }

    private static string Pharmacist(ClaimsPrincipal user) => user.FindFirst(PlatformClaims.Name)?.Value ?? "药师";

    public static async Task<Ok<List<AlertDto>>> Alerts(string? status, ClaimsPrincipal user, PharmacyDbContext db, Access access, CancellationToken ct)
    {
        var query = db.Alerts.AsNoTracking();
        if (!string.IsNullOrEmpty(status)) query = query.Where(a => a.Status == status);
        var list = await query.OrderBy(a => a.Status != SafetyAlertStatus.Open).ThenByDescending(a => a.Severity == "high")
            .ThenByDescending(a => a.RaisedAt).Take(200).ToListAsync(ct);
        access.Audit(user.FindFirst(PlatformClaims.Subject)?.Value ?? "", PlatformRoles.Pharmacist, null, $"alerts:{list.Count}");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(list.Select(AlertDto.From).ToList());
    }

    public static async Task<Ok<AlertDto>> Review(Guid id, ReviewRequest request, ClaimsPrincipal user, PharmacyDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var alert = await db.Alerts.SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw ProblemException.NotFound("警示");
        alert.Status = SafetyAlertStatus.Reviewed;
        alert.ReviewNote = string.IsNullOrWhiteSpace(request.Note) ? "药师已审核" : request.Note.Trim()[..Math.Min(500, request.Note.Trim().Length)];
        alert.ReviewedBy = Pharmacist(user);
        alert.ReviewedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(AlertDto.From(alert));
    }

    public static async Task<Ok<List<DeliveryDto>>> Deliveries(string? status, PharmacyDbContext db, DeliveryContacts contacts, CancellationToken ct)
    {
        var query = db.Deliveries.AsNoTracking().Include(d => d.Steps).AsQueryable();
        if (!string.IsNullOrEmpty(status)) query = query.Where(d => d.Status == status);
        return TypedResults.Ok((await query.OrderByDescending(d => d.CreatedAt).Take(200).ToListAsync(ct)).Select(d => DeliveryDto.From(d, contacts)).ToList());
    }

    public static async Task<Ok<DeliveryDto>> Release(Guid id, ClaimsPrincipal user, Deliveries deliveries, WaybillSignal signal, CancellationToken ct)
    {
        var released = await deliveries.ReleaseAsync(id, Pharmacist(user), ct);
        signal.Nudge();
        return TypedResults.Ok(released);
    }

    public static async Task<Ok<List<QuestionDto>>> Questions(PharmacyDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.Questions.AsNoTracking().OrderBy(q => q.Answer != null).ThenByDescending(q => q.AskedAt).Take(200).ToListAsync(ct))
            .Select(QuestionDto.From).ToList());

    public static async Task<Ok<QuestionDto>> Answer(Guid id, AnswerRequest request, ClaimsPrincipal user, PharmacyDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var q = await db.Questions.SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw ProblemException.NotFound("咨询");
        var text = request.Answer?.Trim() ?? "";
        if (text.Length is 0 or > 1000) throw ProblemException.Invalid(new Dictionary<string, string[]> { ["answer"] = ["请填写回复"] });
        q.Answer = text;
        q.AnsweredBy = Pharmacist(user);
        q.AnsweredAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(QuestionDto.From(q));
    }
}
