using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Payment.API.Application;
using Payment.API.Domain;
using Payment.API.Infrastructure;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;

namespace Payment.API.Apis;

public sealed record ReconciliationDto(DateOnly BillDate, string Status, int OurCount, int TheirCount, long OurTotalFen, long TheirTotalFen,
    int Differences, string? Failure, DateTimeOffset RanAt)
{
    public static ReconciliationDto From(ReconciliationRun r) =>
        new(r.BillDate, r.Status, r.OurCount, r.TheirCount, r.OurTotalFen, r.TheirTotalFen, r.DifferenceCount, r.Failure, r.RanAt);
}

public sealed record IssueDto(Guid Id, string Kind, string KindText, Guid? OrderId, string? OutTradeNo, string Detail, DateTimeOffset CreatedAt,
    DateTimeOffset? ResolvedAt, string? ResolvedBy, string? Note);

public sealed record Page<T>(IReadOnlyList<T> Items, int Total);

public sealed record ResolveIssueRequest(string? Note);

public sealed record ReconcileRequest(DateOnly? BillDate);

/// <summary>The admin console's payments: orders, refunds, issues to resolve and the daily reconciliation.</summary>
public static class PaymentAdminApi
{
    public static IEndpointRouteBuilder MapPaymentAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/payment/admin").WithTags("支付管理").RequireAuthorization(PlatformRoles.Staff);
        api.MapGet("/orders", Orders).WithName("ListStaffOrders").WithSummary("订单（按订单号、微信支付单号查找）");
        api.MapGet("/refunds", Refunds).WithName("ListStaffRefunds").WithSummary("退款");
        api.MapGet("/issues", Issues).WithName("ListPaymentIssues").WithSummary("待处理的支付异常");
        api.MapPost("/issues/{id:guid}/resolve", Resolve).WithName("ResolvePaymentIssue").WithSummary("处理支付异常");
        api.MapGet("/reconciliations", Reconciliations).WithName("ListReconciliations").WithSummary("对账记录");
        api.MapPost("/reconciliations", Reconcile).WithName("Reconcile").WithSummary("立即对账（某日交易账单）");
        return app;
    }

    /// <summary>The patient's view of an order or refund with the fields staff trace it by, in one flat object.</summary>
    private static JsonObject Flat<T>(T dto, object extra)
    {
        var node = JsonSerializer.SerializeToNode(dto, JsonSerializerOptions.Web)!.AsObject();
        foreach (var (key, value) in JsonSerializer.SerializeToNode(extra, JsonSerializerOptions.Web)!.AsObject().ToList())
            node[key] = value?.DeepClone();
        return node;
    }

    public static async Task<Ok<Page<JsonObject>>> Orders(string? q, string? status, int? page, int? pageSize, PaymentDbContext db,
        CancellationToken ct)
    {
        var (skip, take) = Paging(page, pageSize);
        var query = db.Orders.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            var asId = Guid.TryParse(term, out var id) ? id : Guid.Empty;
            query = query.Where(o => o.Id == asId || o.SourceId == asId || o.OutTradeNo == term.ToLower() || o.TransactionId == term);
        }
        if (status is OrderStatus.Pending or OrderStatus.Paid or OrderStatus.Closed) query = query.Where(o => o.Status == status);
        var total = await query.CountAsync(ct);
        var orders = await query.OrderByDescending(o => o.CreatedAt).Skip(skip).Take(take).ToListAsync(ct);
        var dtos = await db.ToDtosAsync(orders, ct);
        return TypedResults.Ok(new Page<JsonObject>(
            orders.Zip(dtos, (o, d) => Flat(d, new { o.OutTradeNo, o.TransactionId, o.AccountId })).ToList(), total));
    }

    public static async Task<Ok<Page<JsonObject>>> Refunds(string? status, int? page, int? pageSize, PaymentDbContext db, CancellationToken ct)
    {
        var (skip, take) = Paging(page, pageSize);
        var query = db.Refunds.AsNoTracking();
        if (status == RefundStatus.Processing) query = query.Where(r => r.Status == RefundStatus.Requested || r.Status == RefundStatus.Processing);
        else if (status is RefundStatus.Succeeded or RefundStatus.Abnormal) query = query.Where(r => r.Status == status);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(r => r.RequestedAt).Skip(skip).Take(take)
            .Join(db.Orders, r => r.OrderId, o => o.Id, (r, o) => new { r, o.Description }).ToListAsync(ct);
        return TypedResults.Ok(new Page<JsonObject>(rows.Select(x => Flat(OrderDto.RefundOf(x.r),
            new { x.r.OrderId, x.r.OutRefundNo, x.Description, x.r.FailureReason })).ToList(), total));
    }

    public static async Task<Ok<Page<IssueDto>>> Issues(bool? open, PaymentDbContext db, CancellationToken ct)
    {
        var query = db.Issues.AsNoTracking();
        if (open ?? true) query = query.Where(i => i.ResolvedAt == null);
        var issues = await query.OrderByDescending(i => i.CreatedAt).Take(500).ToListAsync(ct);
        return TypedResults.Ok(new Page<IssueDto>(issues.Select(ToDto).ToList(), issues.Count));
    }

    public static async Task<Ok<IssueDto>> Resolve(Guid id, ResolveIssueRequest? body, ClaimsPrincipal user, PaymentDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        var note = body?.Note?.Trim();
        new Validation().Required("note", note, "处理说明").Length("note", note, "处理说明", 1, 500).PlainText("note", note, "处理说明").ThrowIfAny();
        var issue = await db.Issues.FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw ProblemException.NotFound("支付异常");
        issue.Resolve(user.FindFirst(PlatformClaims.Name)?.Value ?? user.FindFirst(PlatformClaims.Subject)?.Value ?? "staff", note!, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToDto(issue));
    }

    public static async Task<Ok<Page<ReconciliationDto>>> Reconciliations(PaymentDbContext db, CancellationToken ct)
    {
        var runs = await db.Reconciliations.AsNoTracking().OrderByDescending(r => r.BillDate).Take(60).ToListAsync(ct);
        return TypedResults.Ok(new Page<ReconciliationDto>(runs.Select(ReconciliationDto.From).ToList(), runs.Count));
    }

    public static async Task<Ok<ReconciliationDto>> Reconcile(ReconcileRequest? body, Reconciliation reconciliation, TimeProvider clock,
        CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        var errors = new Validation();
        if (body?.BillDate is not { } date) errors.Add("billDate", "请选择对账日期");
        else if (date >= today) errors.Add("billDate", "只能对今天以前的账单对账");
        errors.ThrowIfAny();
        return TypedResults.Ok(ReconciliationDto.From(await reconciliation.RunAsync(body!.BillDate!.Value, ct)));
    }

    private static IssueDto ToDto(PaymentIssue i) =>
        new(i.Id, i.Kind, PaymentIssue.KindText(i.Kind), i.OrderId, i.OutTradeNo, i.Detail, i.CreatedAt, i.ResolvedAt, i.ResolvedBy, i.Note);

    private static (int Skip, int Take) Paging(int? page, int? pageSize)
    {
        var size = Math.Clamp(pageSize ?? 50, 1, 200);
        return ((Math.Max(page ?? 1, 1) - 1) * size, size);
    }
}
