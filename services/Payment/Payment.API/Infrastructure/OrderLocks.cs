using Microsoft.EntityFrameworkCore;
using Payment.API.Domain;

namespace Payment.API.Infrastructure;

public static class OrderLocks
{
    /// <summary>The order row locked until the caller's transaction ends (xmin read with it for the row version).</summary>
    public static Task<PaymentOrder?> LockOrderAsync(this PaymentDbContext db, Guid orderId, CancellationToken ct) =>
        db.Orders.FromSql($"SELECT *, xmin FROM payment_orders WHERE id = {orderId} FOR UPDATE").FirstOrDefaultAsync(ct);
}
