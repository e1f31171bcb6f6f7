using System.Security.Cryptography;
using Identity.API.Application;
using Identity.API.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.IdentityModel.Tokens;
using Platform.Security.Encryption;

namespace Identity.API.Infrastructure.Keys;

/// <summary>The RS256 keys, kept in the database (private halves encrypted with the field-encryption key) so every
/// replica signs with the same key and publishes the same JWKS. Rotation: the next key is created and published
/// <c>KeyPublishAhead</c> before it starts signing; a retired key stays published until its last token has expired.
/// OpenIddict signs with and publishes these keys: <see cref="Changed"/> fires whenever the set or the current key changes,
/// and OpenIddict's options are rebuilt from <see cref="Current"/> and <see cref="Published"/>.</summary>
public sealed class SigningKeyRing(IServiceScopeFactory scopes, IFieldEncryptor encryptor, TimeProvider clock,
    IOptions<IdentityServiceOptions> options, ILogger<SigningKeyRing> logger)
{
    private volatile IReadOnlyList<LoadedKey> _keys = [];
    private CancellationTokenSource _changed = new();
    private string _fingerprint = "";
    private readonly Lock _gate = new();

    private IdentityServiceOptions Options => options.Value;

    /// <summary>Keys whose tokens may still be in circulation, newest first.</summary>
    public IReadOnlyList<LoadedKey> Published => _keys;

    /// <summary>Fires (once) when the keys or the current key changed; ask again for the next change.</summary>
    public IChangeToken Changed()
    {
        lock (_gate) return new CancellationChangeToken(_changed.Token);
    }

    /// <summary>The ring as loaded, loading it first if nothing has yet (OpenIddict's options may be built before the
    /// start-up seeder ran).</summary>
    public IReadOnlyList<LoadedKey> EnsureLoaded()
    {
        if (_keys.Count == 0) RefreshAsync(CancellationToken.None).GetAwaiter().GetResult();
        return _keys;
    }

    public LoadedKey Current()
    {
        var now = clock.GetUtcNow();
        return _keys.Where(k => k.SignsAt(now)).MaxBy(k => k.ActivatesAt)
            ?? _keys.Where(k => k.ActivatesAt <= now).MaxBy(k => k.ActivatesAt)
            ?? throw new InvalidOperationException("No signing key loaded");
    }

    /// <summary>Creates the current and next keys when due (once, under an advisory lock) and reloads the ring.</summary>
    public async Task RefreshAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var now = clock.GetUtcNow();
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended('identity-signing-keys', 0))", ct);
            var keys = await db.SigningKeys.AsNoTracking().ToListAsync(ct);
            var current = keys.Where(k => k.ActivatesAt <= now && now < k.SigningEndsAt).MaxBy(k => k.ActivatesAt);
            if (current is null)
            {
                current = NewKey(now, now);
                db.SigningKeys.Add(current);
            }
            if (now >= current.SigningEndsAt - Options.KeyPublishAhead && !keys.Any(k => k.ActivatesAt >= current.SigningEndsAt))
                db.SigningKeys.Add(NewKey(now, current.SigningEndsAt));
            var forgetBefore = now - Options.AccessTokenLifetime - TimeSpan.FromHours(1);
            await db.SigningKeys.Where(k => k.SigningEndsAt < forgetBefore).ExecuteDeleteAsync(ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }

        var publishedAfter = now - Options.AccessTokenLifetime - TimeSpan.FromMinutes(5);
        var rows = await db.SigningKeys.AsNoTracking().Where(k => k.SigningEndsAt > publishedAfter)
            .OrderByDescending(k => k.ActivatesAt).ToListAsync(ct);
        var loaded = _keys.ToDictionary(k => k.Kid);
        _keys = rows.Select(r => loaded.TryGetValue(r.Kid, out var known) ? known : Load(r)).ToList();
        var fingerprint = Current().Kid + "|" + string.Join(",", _keys.Select(k => k.Kid));
        CancellationTokenSource? fired = null;
        lock (_gate)
        {
            if (fingerprint != _fingerprint)
            {
                _fingerprint = fingerprint;
                fired = _changed;
                _changed = new CancellationTokenSource();
            }
        }
        fired?.Cancel();
    }

    private SigningKey NewKey(DateTimeOffset now, DateTimeOffset activatesAt)
    {
        using var rsa = RSA.Create(2048);
        var kid = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(12));
        logger.LogInformation("Created signing key {Kid} active from {ActivatesAt:o}", kid, activatesAt);
        return new SigningKey
        {
            Kid = kid,
            PrivateKeyEncrypted = encryptor.Encrypt(Convert.ToBase64String(rsa.ExportPkcs8PrivateKey()), Context(kid)),
            PublicKey = Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo()),
            CreatedAt = now,
            ActivatesAt = activatesAt,
            SigningEndsAt = activatesAt + Options.KeyRotationInterval,
        };
    }

    private LoadedKey Load(SigningKey row)
    {
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(Convert.FromBase64String(encryptor.Decrypt(row.PrivateKeyEncrypted, Context(row.Kid))), out _);
        return new LoadedKey(row.Kid, new RsaSecurityKey(rsa) { KeyId = row.Kid }, row.ActivatesAt, row.SigningEndsAt);
    }

    private static string Context(string kid) => "signing-key:" + kid;
}
