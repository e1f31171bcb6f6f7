using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Notification.API.Domain;
using Notification.API.Infrastructure;
using Platform.Security.Pseudonyms;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;

namespace Notification.API.Apis;

/// <summary>Links an account to a WeChat user by hand (given the openid, which is turned into the opaque WeChat user id
/// at once and not kept) (integration clients, e.g. support tools). The normal path is Identity's
/// WeChatAccountBound/Unbound events (see WeChatBindingConsumers).</summary>
public static class WeChatBindingsApi
{
    public static IEndpointRouteBuilder MapWeChatBindingsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/notification/wechat-bindings").WithTags("微信绑定").RequireAuthorization(PlatformRoles.Integration);
        api.MapPut("/{accountId:guid}", Bind).WithName("BindWeChat").WithSummary("绑定账号与微信 openid");
        api.MapDelete("/{accountId:guid}", Unbind).WithName("UnbindWeChat").WithSummary("解除微信绑定");
        return app;
    }

    public sealed record BindingRequest(string? OpenId);

    public static async Task<NoContent> Bind(Guid accountId, BindingRequest body, NotificationDbContext db, WeChatUserIds weChatUserIds,
        TimeProvider clock, CancellationToken ct)
    {
        var openId = body.OpenId?.Trim();
        new Validation()
            .Required("openId", openId, "openid")
            .Length("openId", openId, "openid", 6, 64)
            .Matches("openId", openId, new("^[A-Za-z0-9_-]+$"), "openid 格式不正确")
            .ThrowIfAny();
        var weChatUserId = weChatUserIds.For(openId!);
        var now = clock.GetUtcNow();
        // A WeChat user belongs to one account at a time: binding it elsewhere moves it.
        await db.WeChatBindings.Where(b => b.WeChatUserId == weChatUserId && b.AccountId != accountId).ExecuteDeleteAsync(ct);
        var binding = await db.WeChatBindings.FirstOrDefaultAsync(b => b.AccountId == accountId, ct);
        if (binding is null) db.WeChatBindings.Add(new WeChatBinding { AccountId = accountId, WeChatUserId = weChatUserId, BoundAt = now });
        else
        {
            binding.WeChatUserId = weChatUserId;
            binding.BoundAt = now;
        }
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> Unbind(Guid accountId, NotificationDbContext db, CancellationToken ct)
    {
        await db.WeChatBindings.Where(b => b.AccountId == accountId).ExecuteDeleteAsync(ct);
        return TypedResults.NoContent();
    }
}
