using Microsoft.Extensions.Options;

namespace WeChat.Gateway.Application.Credentials;

/// <summary>One account-wide credential (access_token, jsapi_ticket): read from this process's memory, then the
/// shared row, and fetched from WeChat only by the replica that holds the lock when the row is stale.</summary>
public abstract class CentralCredential(string name, CredentialStore store, IOptions<WeChatGatewayOptions> options, TimeProvider time)
{
    private StoredCredential? _cached;

    public string Name => name;

    /// <summary>What this replica last read or fetched (null before its first round): shows when a replica has caught up.</summary>
    public StoredCredential? Held => _cached;

    /// <summary>Whether the background refresher obtains it before anyone asks.</summary>
    public abstract bool FetchAtStart { get; }

    protected abstract Task<FetchedCredential> FetchAsync(string? rejected, CancellationToken ct);

    public async ValueTask<string> GetAsync(CancellationToken ct)
    {
        if (_cached is { } cached && cached.IsUsableAt(time.GetUtcNow())) return cached.Value;
        var stored = await store.ReadAsync(name, ct);
        if (stored is not null && stored.IsUsableAt(time.GetUtcNow())) return Remember(stored).Value;
        return Remember(await ReplaceAsync(s => s is null || !s.IsUsableAt(time.GetUtcNow()), null, ct)).Value;
    }

    /// <summary>WeChat rejected <paramref name="rejected"/>: replace it unless another caller already did.</summary>
    public async ValueTask<string> ReplaceRejectedAsync(string rejected, CancellationToken ct) =>
        Remember(await ReplaceAsync(s => s is null || s.Value == rejected || !s.IsUsableAt(time.GetUtcNow()), rejected, ct)).Value;

    /// <summary>Renews the credential when its refresh time has come; returns when to look again.</summary>
    public async Task<DateTimeOffset?> RefreshIfDueAsync(CancellationToken ct)
    {
        var stored = await store.ReadAsync(name, ct);
        if (stored is null && !FetchAtStart) return null;
        if (stored is null || stored.RefreshAt <= time.GetUtcNow())
            stored = await ReplaceAsync(s => s is null || s.RefreshAt <= time.GetUtcNow(), null, ct);
        return Remember(stored).RefreshAt;
    }

    private Task<StoredCredential> ReplaceAsync(Func<StoredCredential?, bool> needsReplacing, string? rejected, CancellationToken ct) =>
        store.ReplaceUnderLockAsync(name, needsReplacing, c => FetchAsync(rejected, c), options.Value.RefreshAheadRatio, ct);

    private StoredCredential Remember(StoredCredential credential) => _cached = credential;
}
