using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Security.Encryption;
using WeChat.Gateway.Application.MiniProgram;
using WeChat.Gateway.Domain;
using WeChat.Gateway.Infrastructure;

namespace WeChat.Gateway.Application.OAuth;

/// <summary>What a ticket proves; <paramref name="App"/> says whose openid it is (<c>WeChatApps</c>).</summary>
public sealed record RedeemedTicket(string OpenId, string? UnionId, string? Nickname, string? HeadImageUrl, string? Intent, string App);

/// <summary>The one-time wxticket the H5 app carries to the Identity service; the database keeps only its hash.</summary>
public sealed class WeChatTickets(WeChatDbContext db, IFieldEncryptor encryptor, IOptions<WeChatGatewayOptions> options, TimeProvider time)
{
    public Task<string> IssueAsync(WeChatUser user, string openId, string? intent, CancellationToken ct) =>
        IssueAsync(WeChatApps.ServiceAccount, openId, user.UnionId, user.Nickname, user.HeadImageUrl, intent, ct);

    public async Task<string> IssueAsync(string app, string openId, string? unionId, string? nickname, string? headImageUrl, string? intent,
        CancellationToken ct)
    {
        var ticket = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = time.GetUtcNow();
        var hash = Hash(ticket);
        db.OAuthTickets.Add(new OAuthTicket
        {
            TicketHash = hash, OpenIdEncrypted = encryptor.Encrypt(openId, Context(hash)), App = app,
            UnionIdEncrypted = unionId is null ? null : encryptor.Encrypt(unionId, Context(hash) + ":unionid"), Nickname = nickname,
            HeadImageUrl = headImageUrl, Intent = intent, CreatedAt = now, ExpiresAt = now + options.Value.TicketLifetime,
        });
        await db.SaveChangesAsync(ct);
        return ticket;
    }

    public async Task<RedeemedTicket?> RedeemAsync(string ticket, CancellationToken ct)
    {
        var hash = Hash(ticket);
        var now = time.GetUtcNow();
        var claimed = await db.OAuthTickets
            .Where(t => t.TicketHash == hash && t.RedeemedAt == null && t.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RedeemedAt, now), ct);
        if (claimed != 1) return null;
        var row = await db.OAuthTickets.AsNoTracking().SingleAsync(t => t.TicketHash == hash, ct);
        var unionId = row.UnionIdEncrypted is null ? row.UnionId : encryptor.Decrypt(row.UnionIdEncrypted, Context(hash) + ":unionid");
        return new RedeemedTicket(encryptor.Decrypt(row.OpenIdEncrypted, Context(hash)), unionId, row.Nickname, row.HeadImageUrl, row.Intent,
            row.App);
    }

    private static string Context(string ticketHash) => "oauth-ticket:" + ticketHash;

    private static string Hash(string ticket) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ticket)));
}
