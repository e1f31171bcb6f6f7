using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Security.Encryption;
using WeChat.Gateway.Application.MiniProgram;
using WeChat.Gateway.Application.Users;
using WeChat.Gateway.Domain;
using WeChat.Gateway.Infrastructure;

namespace WeChat.Gateway.Application.OAuth;

/// <summary>What a ticket proves; <paramref name="App"/> says whose openid it is (<c>WeChatApps</c>).</summary>
public sealed record RedeemedTicket(string OpenId, string? UnionId, string? Nickname, string? HeadImageUrl, string? Intent, string App);

/// <summary>The one-time wxticket the H5 app carries to the Identity service; the database keeps only its hash.</summary>
public sealed class WeChatTickets(WeChatDbContext db, WeChatUsers users, IFieldEncryptor encryptor, IOptions<WeChatGatewayOptions> options,
    TimeProvider time)
{
    public async Task<string> IssueAsync(string app, string openId, WeChatProfile profile, string? intent, CancellationToken ct)
    {
        var ticket = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = time.GetUtcNow();
        var hash = Hash(ticket);
        db.OAuthTickets.Add(new OAuthTicket
        {
            TicketHash = hash, OpenIdEncrypted = encryptor.Encrypt(openId, Context(hash)), App = app,
            ProfileEncrypted = users.Seal(profile, Context(hash) + ":profile"), Intent = intent, CreatedAt = now,
            ExpiresAt = now + options.Value.TicketLifetime,
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
        var profile = row.ProfileEncrypted is null ? WeChatProfile.Empty : users.Open(row.ProfileEncrypted, Context(hash) + ":profile");
        return new RedeemedTicket(encryptor.Decrypt(row.OpenIdEncrypted, Context(hash)), profile.UnionId, profile.Nickname, profile.HeadImageUrl,
            row.Intent, row.App);
    }

    private static string Context(string ticketHash) => "oauth-ticket:" + ticketHash;

    private static string Hash(string ticket) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ticket)));
}
