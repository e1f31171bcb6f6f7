using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Identity.API.Application.Accounts;
using Identity.API.Application.Login;
using Identity.API.Application.Tokens;
using Identity.API.Application.WeChat;
using Identity.API.Domain;
using Identity.API.Infrastructure;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Identity.API.Application.Handover;

public sealed record HandoverIssued(string Ticket, int ExpiresIn);

/// <summary>The mini-program opens pages it does not carry natively as the H5 app in a web-view, signed in as the same
/// account: it asks for a one-time ticket (never a token in the URL), the web-view opens <c>/handover?ticket=…</c>, and the
/// H5 app redeems it at <c>/connect/token</c> with grant_type=handover_ticket. The second factor is not asked again: the
/// session that asked has passed it. Issue and redemption are written to the log as the audit trail.</summary>
public sealed class HandoverSignIn(IdentityDbContext db, TokenPrincipals principals, WeChatSignIn wechat, TimeProvider clock,
    ILogger<HandoverSignIn> logger)
{
    public const string GrantType = "handover_ticket";
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);
    public const string HandoverAmr = "handover";

    public static readonly TokenError InvalidTicket = new("handover_ticket_invalid", "invalid_grant", "登录凭证已失效",
        "登录凭证无效、已过期或已使用，请返回小程序重新打开页面");

    public async Task<HandoverIssued> IssueAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var account = await db.LoadAsync(user, ct);
        if (account.Role != PlatformRoles.Patient) throw new ProblemException(403, "forbidden", "仅患者账号可以使用");
        var amr = user.FindAll(Claims.AuthenticationMethodReference).Select(c => c.Value).Where(a => a != HandoverAmr).Distinct().ToList();
        var ticket = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = clock.GetUtcNow();
        await db.HandoverTickets.Where(t => t.ExpiresAt < now - TimeSpan.FromHours(1)).ExecuteDeleteAsync(ct);
        db.HandoverTickets.Add(new HandoverTicket
        {
            TicketHash = Hash(ticket), AccountId = account.Id, Amr = string.Join(' ', amr), CreatedAt = now, ExpiresAt = now + Lifetime,
        });
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Handover ticket issued for account {AccountId}", account.Id);
        return new HandoverIssued(ticket, (int)Lifetime.TotalSeconds);
    }

    public async Task<(ClaimsPrincipal? Principal, TokenError? Error)> GrantAsync(OpenIddictRequest request, CancellationToken ct)
    {
        if (request.ClientId != "patient") return (null, TokenError.InvalidClient);
        var ticket = (string?)request["ticket"] ?? "";
        if (ticket.Length is 0 or > 200) return (null, InvalidTicket);
        var hash = Hash(ticket);
        var now = clock.GetUtcNow();
        var claimed = await db.HandoverTickets.Where(t => t.TicketHash == hash && t.UsedAt == null && t.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), ct);
        if (claimed != 1)
        {
            logger.LogWarning("A handover ticket was refused (unknown, spent or expired)");
            return (null, InvalidTicket);
        }
        var row = await db.HandoverTickets.AsNoTracking().SingleAsync(t => t.TicketHash == hash, ct);
        var account = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == row.AccountId && a.ClosedAt == null, ct);
        if (account is not { Role: PlatformRoles.Patient }) return (null, InvalidTicket);

        var amr = row.Amr.Split(' ', StringSplitOptions.RemoveEmptyEntries).Append(HandoverAmr).ToList();
        var principal = await principals.ForAccountAsync(account, amr, ct);
        // A WeChat session handed over stays a WeChat sign-in: unbinding WeChat ends it like the mini-program's own.
        if (amr.Contains("wechat")) principal = await wechat.AsWeChatSignInAsync(principal, account, ct);
        logger.LogInformation("Handover ticket redeemed for account {AccountId}", account.Id);
        return (principal, null);
    }

    private static string Hash(string ticket) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ticket)));
}
