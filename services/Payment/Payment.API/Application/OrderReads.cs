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
        var claims = await db.CurrentClaimsAsync(ids, ct);
        return orders.Select(o => OrderDto.From(o, refunds[o.Id].ToList(), invoices[o.Id].ToList(), claims.GetValueOrDefault(o.Id))).ToList();
    }

    /// <summary>Each order's insurance claim that counts: the latest one that reached a 预结算 and was not abandoned (one
    /// refused before it never changed the order).</summary>
    public static async Task<Dictionary<Guid, InsuranceClaim>> CurrentClaimsAsync(this PaymentDbContext db, IReadOnlyCollection<Guid> orderIds,
        CancellationToken ct) =>
        (await db.InsuranceClaims.AsNoTracking()
            .Where(c => orderIds.Contains(c.OrderId) && c.PreSettlementId != null && c.Status != InsuranceStatus.Abandoned)
            .ToListAsync(ct))
        .GroupBy(c => c.OrderId).ToDictionary(g => g.Key, g => g.MaxBy(c => c.UpdatedAt)!);
}
