using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;
using Queue.API.Application;
using Queue.API.Infrastructure;

namespace Queue.API.Apis;

public sealed record CheckInCodeDto(string Code, DateTimeOffset ExpiresAt, string Location, string CheckInPath);

/// <summary>The doctor workstation's 叫号 and the clinic's check-in code (shown to patients by doctors or staff).</summary>
public static class QueueDeskApi
{

    public static IEndpointRouteBuilder MapQueueDeskApi(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/queue/queues").WithTags("叫号")
            .RequireAuthorization(p => p.RequireRole(PlatformRoles.Doctor, PlatformRoles.Staff));
        read.MapGet("/", Today).WithName("TodayQueues").WithSummary("今天的门诊队列");
        read.MapGet("/{id:guid}", Detail).WithName("QueueDetail").WithSummary("队列详情");
        read.MapGet("/{id:guid}/check-in-code", Code).WithName("CheckInCode").WithSummary("诊室报到二维码（短时有效）");

        var act = app.MapGroup("/api/queue/queues/{id:guid}").WithTags("叫号").RequireAuthorization(PlatformRoles.Doctor);
        act.MapPost("/call-next", (Guid id, QueueDesk desk, QueueViews views, CancellationToken ct) => Act(id, views, () => desk.CallNextAsync(id, ct), ct))
            .WithName("CallNext").WithSummary("叫下一位");
        act.MapPost("/recall", (Guid id, QueueDesk desk, QueueViews views, CancellationToken ct) => Act(id, views, () => desk.RecallAsync(id, ct), ct))
            .WithName("Recall").WithSummary("重呼");
        act.MapPost("/skip", (Guid id, QueueDesk desk, QueueViews views, CancellationToken ct) => Act(id, views, () => desk.SkipAsync(id, ct), ct))
            .WithName("Skip").WithSummary("过号（后移几位）");
        act.MapPost("/absent", (Guid id, QueueDesk desk, QueueViews views, CancellationToken ct) => Act(id, views, () => desk.MarkAbsentAsync(id, ct), ct))
            .WithName("MarkAbsent").WithSummary("标记未到");
        return app;
    }

    public static async Task<Ok<List<QueueSummaryDto>>> Today(QueueViews views, CancellationToken ct) =>
        TypedResults.Ok(await views.TodayAsync(ct));

    public static async Task<Results<Ok<QueueDetailDto>, NotFound>> Detail(Guid id, QueueViews views, CancellationToken ct) =>
        await views.DetailAsync(id, ct) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound();

    public static async Task<Ok<CheckInCodeDto>> Code(Guid id, QueueDbContext db, CheckInCodes codes, CancellationToken ct)
    {
        var queue = await db.Queues.FindAsync([id], ct) ?? throw new ProblemException(404, "queue_not_found", "队列不存在");
        var (code, expiresAt) = codes.Issue(queue.Location);
        return TypedResults.Ok(new CheckInCodeDto(code, expiresAt, queue.Location, $"/checkin?code={Uri.EscapeDataString(code)}"));
    }

    private static async Task<Ok<QueueDetailDto>> Act(Guid id, QueueViews views, Func<Task> action, CancellationToken ct)
    {
        await action();
        return TypedResults.Ok((await views.DetailAsync(id, ct))!);
    }
}
