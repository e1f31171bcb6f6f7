using HisAdapter.API.Application.Pushes;
using HisAdapter.API.Domain;
using HisAdapter.API.Extensions;
using HisAdapter.API.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Messaging.Outbox;

namespace HisAdapter.API.Apis;

public static class PushesApi
{
    public static IEndpointRouteBuilder MapPushesApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/his/pushes", ReceivePush).WithName("ReceiveHisPush").WithTags("HIS")
            .WithSummary("接收医院信息系统推送的事件（X-His-Signature 签名校验）").DisableRateLimiting();
        return app;
    }

    /// <summary>Signature first (over the raw bytes), then freshness, then replay, then content; a refused push changes
    /// nothing. The delivery id and the events commit together, so a retried delivery is never published twice.</summary>
    public static async Task<IResult> ReceivePush(HttpRequest request, HisAdapterDbContext db, PushEventMapper mapper,
        IIntegrationEventOutbox outbox, IOptions<HisOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var settings = options.Value;
        var body = await ReadBodyAsync(request, settings.MaxPushBytes, ct);
        if (body is null) return FhirResults.Outcome(413, "too-costly", "推送内容过大");
        if (!PushSignature.IsValid(settings.PushSecret, body, request.Headers["X-His-Signature"].ToString()))
            return FhirResults.Outcome(401, "security", "签名无效");

        try
        {
            var push = PushEnvelope.Parse(body);
            if (request.Headers["X-His-Delivery"].ToString() != push.Id)
                throw PushRejectedException.Invalid("X-His-Delivery 与推送 id 不一致");
            var age = clock.GetUtcNow() - push.OccurredAt;
            if (age > settings.PushMaxAge || age < -TimeSpan.FromMinutes(5))
                throw PushRejectedException.Invalid("推送已过期（occurredAt 超出允许范围）");
            if (await db.PushDeliveries.AnyAsync(d => d.DeliveryId == push.Id, ct))
                throw new PushRejectedException(409, "duplicate", $"推送 {push.Id} 已处理过");

            var events = await mapper.MapAsync(push, ct);
            db.PushDeliveries.Add(new PushDelivery { DeliveryId = push.Id, EventType = push.Type, ReceivedAt = clock.GetUtcNow() });
            foreach (var e in events) outbox.Add(e);
            await db.SaveChangesAsync(ct);
            return Results.Ok(new { delivery = push.Id, type = push.Type, published = events.Count });
        }
        catch (PushRejectedException ex)
        {
            return FhirResults.Outcome(ex.Status, ex.IssueCode, ex.Message);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return FhirResults.Outcome(409, "duplicate", "推送已处理过");
        }
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int limit, CancellationToken ct)
    {
        if (request.ContentLength > limit) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
