using Microsoft.EntityFrameworkCore;
using Payment.API.Domain;
using Payment.API.Infrastructure;

namespace Payment.API.Application;

/// <summary>Raises something for staff once per cause, inside the caller's transaction.</summary>
public static class PaymentIssues
{
    public static async Task RaiseAsync(this PaymentDbContext db, string kind, string dedupKey, PaymentOrder? order, string? outTradeNo,
        string detail, DateTimeOffset now, CancellationToken ct)
    {
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO payment_issues (id, kind, dedup_key, order_id, out_trade_no, detail, created_at)
            VALUES ({Guid.CreateVersion7()}, {kind}, {dedupKey}, {order?.Id}, {order?.OutTradeNo ?? outTradeNo}, {detail}, {now})
            ON CONFLICT (dedup_key) DO NOTHING
            """, ct);
    }
}
