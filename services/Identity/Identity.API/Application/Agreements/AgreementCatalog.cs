using Identity.API.Domain;
using Identity.API.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Identity;
using Platform.Messaging.Outbox;
using Platform.ServiceDefaults.Problems;

namespace Identity.API.Application.Agreements;

public sealed record AgreementDto(string Kind, string Version, string Title, string Body, DateTimeOffset PublishedAt);

public sealed record AcceptedAgreement(string Kind, string Version);

/// <summary>Current versions (latest already published) and consent records.</summary>
public sealed class AgreementCatalog(IdentityDbContext db, IIntegrationEventOutbox outbox, TimeProvider clock)
{
    public async Task<Agreement?> CurrentAsync(string kind, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return await db.Agreements.AsNoTracking().Where(a => a.Kind == kind && a.PublishedAt <= now)
            .OrderByDescending(a => a.PublishedAt).FirstOrDefaultAsync(ct);
    }

    public async Task<List<Agreement>> AllCurrentAsync(CancellationToken ct)
    {
        var current = new List<Agreement>();
        foreach (var kind in AgreementKind.All)
            if (await CurrentAsync(kind, ct) is { } a) current.Add(a);
        return current;
    }

    /// <summary>Adds a consent record and its <see cref="AgreementAcceptedIntegrationEvent"/> (both saved with the caller's
    /// changes) for an agreement that is current; a version that is not current is refused, one already accepted is kept as
    /// first accepted and not announced again.</summary>
    public async Task RecordAsync(Guid accountId, AcceptedAgreement accepted, string channel, string ip, CancellationToken ct)
    {
        var current = await CurrentAsync(accepted.Kind, ct);
        if (current is null || current.Version != accepted.Version)
            throw new ProblemException(400, "agreement_version_not_current", "协议版本不是最新版本，请刷新后重新阅读并同意");
        if (await db.AgreementConsents.AnyAsync(c => c.AccountId == accountId && c.Kind == current.Kind && c.Version == current.Version, ct))
            return;
        db.AgreementConsents.Add(new AgreementConsent
        {
            AccountId = accountId, Kind = current.Kind, Version = current.Version, AcceptedAt = clock.GetUtcNow(),
            Channel = channel, IpAddress = ip,
        });
        outbox.Add(new AgreementAcceptedIntegrationEvent(accountId, current.Kind, current.Version));
    }
}
