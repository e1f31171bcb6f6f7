using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pharmacy.API.Extensions;
using Pharmacy.API.Infrastructure;
using Platform.ServiceDefaults.Problems;

namespace Pharmacy.API.Application;

public sealed record CourierEvent(string EventId, string WaybillNo, string OrderId, int Sequence, string Status, DateTimeOffset At, string? Note);

/// <summary>Status callbacks from the courier platform. A callback counts only when its signature is right, its
/// timestamp is fresh and its nonce unused (a replay is refused before anything is read); the event id makes a
/// re-delivery harmless, and the sequence number keeps an overtaken event from moving the order back.</summary>
public sealed class CourierCallbacks(PharmacyDbContext db, Deliveries deliveries, IOptions<PharmacyOptions> options, TimeProvider clock)
{
    public const string Path = "/api/pharmacy/courier/callbacks";

    public async Task<bool> ReceiveAsync(IHeaderDictionary headers, string body, CancellationToken ct)
    {
        var settings = options.Value.Courier;
        var (appId, timestamp, nonce, signature) = (headers["X-App-Id"].ToString(), headers["X-Timestamp"].ToString(),
            headers["X-Nonce"].ToString(), headers["X-Signature"].ToString());
        if (appId != settings.AppId || nonce.Length is < 8 or > 64 || signature.Length == 0
            || !CourierSignature.Verify(settings.AppSecret, "POST", Path, timestamp, nonce, body, signature))
            throw new ProblemException(401, "bad_signature", "签名无效");
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || (clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > settings.CallbackMaxAge)
            throw new ProblemException(401, "stale_timestamp", "请求时间戳已过期");
        var now = clock.GetUtcNow();
        var fresh = await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO courier_nonces (nonce, received_at) VALUES ({nonce}, {now}) ON CONFLICT DO NOTHING", ct) == 1;
        if (!fresh) throw new ProblemException(409, "replayed", "重复的请求（nonce 已使用）");
        await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM courier_nonces WHERE received_at < {now - settings.CallbackMaxAge * 2}", ct);

        CourierEvent e;
        try
        {
            e = JsonSerializer.Deserialize<CourierEvent>(body, JsonSerializerOptions.Web) ?? throw new JsonException();
            ArgumentException.ThrowIfNullOrEmpty(e.EventId);
            ArgumentException.ThrowIfNullOrEmpty(e.WaybillNo);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            throw new ProblemException(400, "bad_event", "回调内容格式错误");
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var order = await db.Deliveries.FromSqlInterpolated($"SELECT *, xmin FROM delivery_orders WHERE waybill_no = {e.WaybillNo} FOR UPDATE")
            .Include(d => d.Steps).SingleOrDefaultAsync(ct);
        // The waybill must be ours and for this order: a genuine signature on someone else's waybill changes nothing.
        if (order is null || order.Id.ToString("N") != e.OrderId) throw ProblemException.NotFound("运单");
        var changed = deliveries.ApplyCourier(order, e.EventId, e.Sequence, e.Status, e.Note, e.At);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return changed;
    }
}
