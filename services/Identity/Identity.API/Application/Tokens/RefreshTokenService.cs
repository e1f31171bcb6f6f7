using System.Security.Cryptography;
using System.Text;
using Identity.API.Domain;
using Identity.API.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Identity.API.Application.Tokens;

public sealed record RefreshOutcome(RefreshToken? Spent, string? NewToken);

/// <summary>Single-use refresh tokens. Only the SHA-256 of a token is stored (the token has 256 bits of entropy, so no
/// key is needed to make the hash irreversible).</summary>
public sealed class RefreshTokenService(IdentityDbContext db, TimeProvider clock, IOptions<IdentityServiceOptions> options,
    ILogger<RefreshTokenService> logger)
{
    /// <summary>Adds a new token to <paramref name="familyId"/> (a new family when null); saved with the caller's changes.</summary>
    public string Create(Guid accountId, string clientId, IEnumerable<string> amr, Guid? familyId = null)
    {
        var token = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        db.RefreshTokens.Add(new RefreshToken
        {
            TokenHash = Hash(token), FamilyId = familyId ?? Guid.CreateVersion7(), AccountId = accountId, ClientId = clientId,
            Amr = string.Join(' ', amr), CreatedAt = now, ExpiresAt = now + options.Value.RefreshTokenLifetime,
        });
        return token;
    }

    /// <summary>Spends <paramref name="presented"/> and issues its successor. A token presented twice revokes its family:
    /// either the client or a thief holds a copy, and we cannot tell which.</summary>
    public async Task<RefreshOutcome> RotateAsync(string presented, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var hash = Hash(presented);
        var token = await db.RefreshTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, ct);
        if (token is null) return new RefreshOutcome(null, null);
        if (token.RevokedAt is not null || token.ExpiresAt <= now) return new RefreshOutcome(null, null);

        var spent = await db.RefreshTokens.Where(t => t.Id == token.Id && t.UsedAt == null && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), ct);
        if (spent == 0)
        {
            await RevokeFamilyAsync(token.FamilyId, ct);
            logger.LogWarning("Refresh token reuse detected; family {Family} of account {Account} revoked", token.FamilyId, token.AccountId);
            return new RefreshOutcome(null, null);
        }
        return new RefreshOutcome(token, Create(token.AccountId, token.ClientId, token.Amr.Split(' '), token.FamilyId));
    }

    public async Task<bool> RevokeAsync(string presented, CancellationToken ct)
    {
        var hash = Hash(presented);
        var family = await db.RefreshTokens.Where(t => t.TokenHash == hash).Select(t => (Guid?)t.FamilyId).FirstOrDefaultAsync(ct);
        if (family is null) return false;
        await RevokeFamilyAsync(family.Value, ct);
        return true;
    }

    public Task RevokeAllAsync(Guid accountId, CancellationToken ct) =>
        db.RefreshTokens.Where(t => t.AccountId == accountId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, clock.GetUtcNow()), ct);

    private Task RevokeFamilyAsync(Guid familyId, CancellationToken ct) =>
        db.RefreshTokens.Where(t => t.FamilyId == familyId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, clock.GetUtcNow()), ct);

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
