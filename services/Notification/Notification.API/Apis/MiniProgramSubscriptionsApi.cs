using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Notification.API.Application.MiniProgram;
using Notification.API.Infrastructure;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;

namespace Notification.API.Apis;

/// <summary>The mini-program's subscribe messages: which templates to ask the user for (wx.requestSubscribeMessage), and
/// what the user answered, reported by the client of the signed-in account.</summary>
public static class MiniProgramSubscriptionsApi
{
    public static IEndpointRouteBuilder MapMiniProgramSubscriptionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/notification/miniprogram/subscriptions").WithTags("小程序订阅消息");
        api.MapGet("/templates", Templates).WithName("MiniProgramSubscribeTemplates")
            .WithSummary("各类通知对应的小程序订阅消息模板（供 wx.requestSubscribeMessage）").AllowAnonymous();
        api.MapPost("/", Record).WithName("RecordMiniProgramSubscriptions")
            .WithSummary("记录用户对订阅消息的授权结果（accept/reject/ban）").RequireAuthorization(PlatformRoles.Patient);
        return app;
    }

    public sealed record TemplateDto(string Category, string TemplateId, string Title, string Kind);

    public sealed record TemplateList(IReadOnlyList<TemplateDto> Templates);

    public sealed record SubscriptionResults(Dictionary<string, string>? Results);

    public static Ok<TemplateList> Templates(IOptions<MiniProgramOptions> options) =>
        TypedResults.Ok(new TemplateList(options.Value.Templates
            .Where(t => !string.IsNullOrWhiteSpace(t.Value.TemplateId))
            .OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => new TemplateDto(t.Key, t.Value.TemplateId, t.Value.Title, t.Value.Kind))
            .ToList()));

    public static async Task<NoContent> Record(SubscriptionResults body, ClaimsPrincipal user, MiniProgramGrants grants,
        IOptions<MiniProgramOptions> options, NotificationDbContext db, CancellationToken ct)
    {
        var validation = new Validation();
        if (body.Results is not { Count: > 0 } results) validation.Add("results", "请提供订阅结果");
        else
        {
            if (results.Count > 20) validation.Add("results", "一次最多提交 20 个模板的订阅结果");
            if (results.Keys.Any(templateId => options.Value.ForTemplateId(templateId) is null))
                validation.Add("results", "包含未知的订阅消息模板");
            if (results.Values.Any(r => r is not (MiniProgramGrants.Accept or MiniProgramGrants.Reject or MiniProgramGrants.Ban)))
                validation.Add("results", "订阅结果只能是 accept、reject 或 ban");
        }
        validation.ThrowIfAny();
        await grants.RecordAsync(user.AccountId(), body.Results!, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
