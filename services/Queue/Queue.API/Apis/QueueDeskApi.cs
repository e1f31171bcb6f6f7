using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;
using Queue.API.Application;
using Queue.API.Domain;
using Queue.API.Infrastructure;

namespace Queue.API.Apis;

public sealed record CheckInCodeDto(string Code, DateTimeOffset ExpiresAt, string Location, string CheckInPath);

public sealed record QueueAssignment(string? PractitionerId);

/// <summary>The doctor workstation's 叫号 and the clinic's check-in code (shown to patients by doctors or staff). A doctor
/// sees and runs only the clinics of the practitioner their account is linked to (<see cref="DeskAccess"/>).</summary>
public static class QueueDeskApi
{
    public static IEndpointRouteBuilder MapQueueDeskApi(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/queue/queues").WithTags("叫号")
            .RequireAuthorization(p => p.RequireRole(PlatformRoles.Doctor, PlatformRoles.Staff, PlatformRoles.Pharmacist));
        read.MapGet("/", Today).WithName("TodayQueues")
            .WithSummary("今天的队列（kind=clinic|exam|blood|pharmacy，默认门诊；mine=true 只列本人出诊的）");
        read.MapGet("/{id:guid}", Detail).WithName("QueueDetail").WithSummary("队列详情");
        read.MapGet("/{id:guid}/check-in-code", Code).WithName("CheckInCode").WithSummary("诊室报到二维码（短时有效）");

        // Who may run which kind of queue is decided per queue under its lock (DeskAccess.EnsureMayRun).
        var act = app.MapGroup("/api/queue/queues/{id:guid}").WithTags("叫号")
            .RequireAuthorization(p => p.RequireRole(PlatformRoles.Doctor, PlatformRoles.Staff, PlatformRoles.Pharmacist));
        act.MapPost("/call-next", (Guid id, ClaimsPrincipal user, QueueDesk desk, QueueViews views, CancellationToken ct) =>
            Act(id, user, views, () => desk.CallNextAsync(id, user, ct), ct)).WithName("CallNext").WithSummary("叫下一位");
        act.MapPost("/recall", (Guid id, ClaimsPrincipal user, QueueDesk desk, QueueViews views, CancellationToken ct) =>
            Act(id, user, views, () => desk.RecallAsync(id, user, ct), ct)).WithName("Recall").WithSummary("重呼");
        act.MapPost("/skip", (Guid id, ClaimsPrincipal user, QueueDesk desk, QueueViews views, CancellationToken ct) =>
            Act(id, user, views, () => desk.SkipAsync(id, user, ct), ct)).WithName("Skip").WithSummary("过号（后移几位）");
        act.MapPost("/absent", (Guid id, ClaimsPrincipal user, QueueDesk desk, QueueViews views, CancellationToken ct) =>
            Act(id, user, views, () => desk.MarkAbsentAsync(id, user, ct), ct)).WithName("MarkAbsent").WithSummary("标记未到");

        app.MapPut("/api/queue/queues/{id:guid}/practitioner", Assign).WithTags("叫号").RequireAuthorization(PlatformRoles.Staff)
            .WithName("AssignQueue").WithSummary("把今天的门诊队列指派给某位医生（替诊、HIS 未带出诊医生时）");
        return app;
    }

    public static async Task<Ok<List<QueueSummaryDto>>> Today(bool? mine, string? kind, ClaimsPrincipal user, QueueViews views,
        CancellationToken ct)
    {
        if (kind is not null && !QueueKind.All.Contains(kind))
            throw new ProblemException(400, "queue_kind_unknown", "队列类型只能是 clinic、exam、blood 或 pharmacy");
        return TypedResults.Ok(await views.TodayAsync(user, mine ?? false, ct, kind));
    }

    public static async Task<Results<Ok<QueueDetailDto>, NotFound>> Detail(Guid id, ClaimsPrincipal user, QueueViews views, CancellationToken ct) =>
        await views.DetailAsync(id, user, ct) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound();

    public static async Task<Ok<CheckInCodeDto>> Code(Guid id, ClaimsPrincipal user, QueueDbContext db, CheckInCodes codes, CancellationToken ct)
    {
        var queue = await db.Queues.FindAsync([id], ct) ?? throw new ProblemException(404, "queue_not_found", "队列不存在");
        DeskAccess.Ensure(user, queue);
        var (code, expiresAt) = codes.Issue(queue.Location);
        return TypedResults.Ok(new CheckInCodeDto(code, expiresAt, queue.Location, $"/checkin?code={Uri.EscapeDataString(code)}"));
    }

    /// <summary>Staff hand a clinic to the practitioner who actually works it; a later booking naming the session's
    /// practitioner sets it again, so the HIS stays the source once it knows of the substitution.</summary>
    public static async Task<Ok<QueueSummaryDto>> Assign(Guid id, QueueAssignment request, ClaimsPrincipal user, QueueDbContext db,
        QueueViews views, ILogger<QueueAssignment> logger, CancellationToken ct)
    {
        var practitioner = request.PractitionerId?.Trim();
        if (practitioner is not { Length: > 0 and <= 64 }) throw new ProblemException(400, "practitioner_required", "请选择出诊医生");
        var queue = await db.Queues.FindAsync([id], ct) ?? throw new ProblemException(404, "queue_not_found", "队列不存在");
        queue.PractitionerHisId = practitioner;
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Queue {QueueId} assigned to practitioner {PractitionerId} by {StaffId}", id, practitioner, user.AccountId());
        return TypedResults.Ok((await views.TodayAsync(user, false, ct)).FirstOrDefault(q => q.Id == id)
            ?? new QueueSummaryDto(queue.Id, queue.DepartmentName, queue.DoctorName, queue.Location, 0, queue.CallingNumber, 0, 0, practitioner));
    }

    private static async Task<Ok<QueueDetailDto>> Act(Guid id, ClaimsPrincipal user, QueueViews views, Func<Task> action, CancellationToken ct)
    {
        await action();
        return TypedResults.Ok((await views.DetailAsync(id, user, ct))!);
    }
}
