using HisAdapter.API.Domain;
using HisAdapter.API.Extensions;
using HisAdapter.API.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Messaging.Outbox;

namespace HisAdapter.API.Application.Pushes;

public sealed record PushReceipt(string Delivery, string Type, int Published);

/// <summary>Signature first (over the raw bytes), then freshness, then replay, then content; a refused push changes
/// nothing. The delivery id and the events commit together, so a retried delivery is never published twice. A delivery
/// already taken is acknowledged again (200, nothing published): the HIS retries until it hears 2xx, and one whose first
/// answer timed out after the commit would otherwise retry, and then alarm, about a push that did arrive.</summary>
public sealed class PushReceiver(HisAdapterDbContext db, PushEventMapper mapper, IIntegrationEventOutbox outbox,
    IOptions<HisOptions> options, TimeProvider clock)
{
    /// <exception cref="PushRejectedException">The push is refused; nothing was stored or published.</exception>
    public async Task<PushReceipt> ReceiveAsync(byte[] body, string signature, string deliveryHeader, CancellationToken ct)
    {
        var settings = options.Value;
        if (!PushSignature.IsValid(settings.PushSecret, body, signature))
            throw new PushRejectedException(401, "security", "签名无效");

        var push = PushEnvelope.Parse(body);
        if (deliveryHeader != push.Id)
            throw PushRejectedException.Invalid("X-His-Delivery 与推送 id 不一致");
        var age = clock.GetUtcNow() - push.OccurredAt;
        if (age > settings.PushMaxAge || age < -TimeSpan.FromMinutes(5))
            throw PushRejectedException.Invalid("推送已过期（occurredAt 超出允许范围）");
        if (await db.PushDeliveries.AnyAsync(d => d.DeliveryId == push.Id, ct)) return AlreadyTaken(push);

        var events = await mapper.MapAsync(push, ct);
        db.PushDeliveries.Add(new PushDelivery { DeliveryId = push.Id, EventType = push.Type, ReceivedAt = clock.GetUtcNow() });
        foreach (var e in events) outbox.Add(e);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return AlreadyTaken(push);
        }
        return new PushReceipt(push.Id, push.Type, events.Count);
    }

    private static PushReceipt AlreadyTaken(PushEnvelope push) => new(push.Id, push.Type, 0);
}
