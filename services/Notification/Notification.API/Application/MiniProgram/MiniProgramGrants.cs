using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Notification.API.Domain;
using Notification.API.Infrastructure;

namespace Notification.API.Application.MiniProgram;

/// <summary>The grants an account holds for the mini-program's templates, and the channel decision built on them.</summary>
public sealed class MiniProgramGrants(NotificationDbContext db, IOptions<MiniProgramOptions> options, TimeProvider clock)
{
    public const string Accept = "accept";
    public const string Reject = "reject";
    public const string Ban = "ban";

    /// <summary>Records what wx.requestSubscribeMessage answered. "reject" leaves earlier grants as they are, as WeChat does.</summary>
    public async Task RecordAsync(Guid accountId, IReadOnlyDictionary<string, string> results, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        foreach (var (templateId, result) in results)
        {
            if (result == Reject) continue;
            var template = options.Value.ForTemplateId(templateId)!;
            var grant = await db.MiniProgramGrants.FirstOrDefaultAsync(g => g.AccountId == accountId && g.TemplateId == templateId, ct);
            if (grant is null)
            {
                grant = new MiniProgramGrant { AccountId = accountId, TemplateId = templateId };
                db.MiniProgramGrants.Add(grant);
            }
            if (result == Accept) grant.Accept(template.IsLongTerm, now);
            else grant.Clear(now);
        }
    }

    /// <summary>The mini-program template this message goes out under, its grant spent in the caller's transaction;
    /// null when the account does not use the mini-program or holds no grant for the category's template.</summary>
    public async Task<(Guid WeChatUserId, MiniProgramTemplate Template)?> TryReserveAsync(Guid accountId, string category, CancellationToken ct)
    {
        if (options.Value.ForCategory(category) is not { } template) return null;
        var binding = await db.MiniProgramBindings.AsNoTracking().FirstOrDefaultAsync(b => b.AccountId == accountId, ct);
        if (binding is null) return null;
        var grant = await db.MiniProgramGrants.FirstOrDefaultAsync(g => g.AccountId == accountId && g.TemplateId == template.TemplateId, ct);
        if (grant is null || !grant.TryConsume(clock.GetUtcNow())) return null;
        return (binding.WeChatUserId, template);
    }

    public async Task GiveBackAsync(Guid accountId, string templateId, CancellationToken ct)
    {
        var grant = await db.MiniProgramGrants.FirstOrDefaultAsync(g => g.AccountId == accountId && g.TemplateId == templateId, ct);
        grant?.GiveBack(clock.GetUtcNow());
    }

    /// <summary>WeChat answered 43101: the user holds no grant for this template any more, whatever we counted.</summary>
    public async Task ClearAsync(Guid accountId, string templateId, CancellationToken ct)
    {
        var grant = await db.MiniProgramGrants.FirstOrDefaultAsync(g => g.AccountId == accountId && g.TemplateId == templateId, ct);
        grant?.Clear(clock.GetUtcNow());
    }
}
