using Microsoft.EntityFrameworkCore;
using Payment.API.Domain;
using Payment.API.Infrastructure;

namespace Payment.API.Application;

public static class OrderReads
{
    /// <summary>Orders with their refunds, in one extra query.</summary>
    public static async Task<List<OrderDto>> ToDtosAsync(this PaymentDbContext db, IReadOnlyCollection<PaymentOrder> orders, CancellationToken ct)
    {
        var ids = orders.Select(o => o.Id).ToList();
        var refunds = (await db.Refunds.AsNoTracking().Where(r => ids.Contains(r.OrderId)).ToListAsync(ct)).ToLookup(r => r.OrderId);
        var invoices = (await db.EInvoices.AsNoTracking().Where(i => ids.Contains(i.OrderId)).ToListAsync(ct)).ToLookup(i => i.OrderId);
        return orders.Select(o => OrderDto.From(o, refunds[o.Id].ToList(), invoices[o.Id].ToList())).ToList();
    }
}
