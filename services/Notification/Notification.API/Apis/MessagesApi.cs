using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Notification.API.Application;
using Notification.API.Hubs;
using Notification.API.Infrastructure;
using Platform.Messaging.Outbox;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;

namespace Notification.API.Apis;

/// <summary>The message centre of the signed-in account (sub = account id). Other accounts' messages do not exist
/// as far as the caller can tell: 404, never 403.</summary>
public static class MessagesApi
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public static IEndpointRouteBuilder MapMessagesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/notification/messages").WithTags("消息中心").RequireAuthorization(PlatformRoles.Patient);
        api.MapGet("/", ListMessages).WithName("ListMessages").WithSummary("消息列表（新的在前，按 before 翻页）");
        api.MapGet("/unread-count", UnreadCount).WithName("UnreadCount").WithSummary("未读消息数");
        api.MapPost("/{id:guid}/read", MarkRead).WithName("MarkMessageRead").WithSummary("标记一条消息为已读");
        api.MapPost("/read-all", MarkAllRead).WithName("MarkAllMessagesRead").WithSummary("全部标记为已读");
        return app;
    }

    public sealed record MessagePage(IReadOnlyList<MessageDto> Items, string? NextBefore);

    public sealed record UnreadCountDto(int Count);

    /// <summary><paramref name="before"/> is the id of the last message of the previous page (or an ISO time).</summary>
    public static async Task<Ok<MessagePage>> ListMessages(ClaimsPrincipal user, NotificationDbContext db, string? before,
        int? limit, CancellationToken ct)
    {
        var accountId = user.AccountId();
        var size = Math.Clamp(limit ?? DefaultPageSize, 1, MaxPageSize);
        var query = db.Messages.AsNoTracking().Where(m => m.AccountId == accountId);
        if (Guid.TryParse(before, out var beforeId))
        {
            var cursor = await query.FirstOrDefaultAsync(m => m.Id == beforeId, ct) ?? throw ProblemException.NotFound("消息");
            query = query.Where(m => m.CreatedAt < cursor.CreatedAt
                || (m.CreatedAt == cursor.CreatedAt && m.Id < cursor.Id));
        }
        else if (!string.IsNullOrEmpty(before))
        {
            if (!DateTimeOffset.TryParse(before, out var beforeAt))
                throw ProblemException.Invalid(new Dictionary<string, string[]> { ["before"] = ["翻页参数格式不正确"] });
            query = query.Where(m => m.CreatedAt < beforeAt.ToUniversalTime());
        }
        var page = await query.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(size + 1).ToListAsync(ct);
        var items = page.Take(size).Select(MessageDto.From).ToList();
        return TypedResults.Ok(new MessagePage(items, page.Count > size ? items[^1].Id.ToString() : null));
    }

    public static async Task<Ok<UnreadCountDto>> UnreadCount(ClaimsPrincipal user, NotificationDbContext db, CancellationToken ct)
    {
        var accountId = user.AccountId();
        return TypedResults.Ok(new UnreadCountDto(await db.Messages.CountAsync(m => m.AccountId == accountId && m.ReadAt == null, ct)));
    }

    public static async Task<Ok<MessageDto>> MarkRead(Guid id, ClaimsPrincipal user, NotificationDbContext db,
        IIntegrationEventOutbox outbox, TimeProvider clock, CancellationToken ct)
    {
        var accountId = user.AccountId();
        var message = await db.Messages.FirstOrDefaultAsync(m => m.Id == id && m.AccountId == accountId, ct)
            ?? throw ProblemException.NotFound("消息");
        message.MarkRead(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await AnnounceUnreadAsync(accountId, db, outbox, ct);
        return TypedResults.Ok(MessageDto.From(message));
    }

    public static async Task<Ok<UnreadCountDto>> MarkAllRead(ClaimsPrincipal user, NotificationDbContext db,
        IIntegrationEventOutbox outbox, TimeProvider clock, CancellationToken ct)
    {
        var accountId = user.AccountId();
        var now = clock.GetUtcNow();
        await db.Messages.Where(m => m.AccountId == accountId && m.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ReadAt, now), ct);
        await AnnounceUnreadAsync(accountId, db, outbox, ct);
        return TypedResults.Ok(new UnreadCountDto(0));
    }

    /// <summary>Every open app of the account updates its badge, whichever replica holds its connection.</summary>
    private static async Task AnnounceUnreadAsync(Guid accountId, NotificationDbContext db, IIntegrationEventOutbox outbox,
        CancellationToken ct)
    {
        var unread = await db.Messages.CountAsync(m => m.AccountId == accountId && m.ReadAt == null, ct);
        outbox.Add(new PushRequested(Guid.CreateVersion7(), NotificationsHub.UserGroup(accountId.ToString()),
            HubMethods.UnreadCount, HubMethods.UnreadPayload(unread)));
        await db.SaveChangesAsync(ct);
    }
}
