using Convenience.API.Domain;
using Convenience.API.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Problems;

namespace Convenience.API.Application;

/// <summary>Takes and gives back stock and window places with single guarded statements, inside the caller's
/// transaction: the row is checked and changed at once, so concurrent orders can never take more than there is.</summary>
public sealed class Capacity(ConvenienceDbContext db)
{
    public async Task TakeStockAsync(ServiceItem item, int quantity, CancellationToken ct)
    {
        if (item.Stock is null) return;
        var taken = await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE service_items SET stock = stock - {quantity} WHERE id = {item.Id} AND stock >= {quantity}", ct);
        if (taken == 0) throw new ProblemException(409, "out_of_stock", $"{item.Name}暂无库存，请稍后再试或选择其他服务（未产生费用）");
    }

    public async Task TakeWindowAsync(ServiceItem item, ServiceWindow window, DateOnly date, int quantity, CancellationToken ct)
    {
        var taken = quantity > window.CapacityPerDay ? 0 : await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO window_bookings (window_id, date, booked) VALUES ({window.Id}, {date}, {quantity})
            ON CONFLICT (window_id, date) DO UPDATE SET booked = window_bookings.booked + EXCLUDED.booked
            WHERE window_bookings.booked + EXCLUDED.booked <= {window.CapacityPerDay}
            """, ct);
        if (taken == 0)
            throw new ProblemException(409, "window_full", $"{item.Name} {date:M月d日} {window.Text} 已约满，请选择其他时段（未产生费用）");
    }

    /// <summary>Gives back what an order holds, once (the order's flag is cleared by the caller's save).</summary>
    public async Task ReleaseAsync(ServiceOrder order, bool stockToo, CancellationToken ct)
    {
        if (!order.HoldsCapacity) return;
        order.HoldsCapacity = false;
        if (stockToo)
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"UPDATE service_items SET stock = stock + {order.Quantity} WHERE id = {order.ItemId} AND stock IS NOT NULL", ct);
        if (order is { WindowId: { } windowId, ServiceDate: { } date })
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"UPDATE window_bookings SET booked = GREATEST(booked - {order.Quantity}, 0) WHERE window_id = {windowId} AND date = {date}", ct);
    }

    /// <summary>A rented wheelchair or power bank came back at the end of the order.</summary>
    public Task ReturnStockAsync(ServiceOrder order, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE service_items SET stock = stock + {order.Quantity} WHERE id = {order.ItemId} AND stock IS NOT NULL AND returnable", ct);
}
