using Microsoft.EntityFrameworkCore;

namespace Payment.API.Infrastructure;

/// <summary>Rows a worker takes when due: the table and the column holding the due time.</summary>
public sealed class DueRows
{
    public static readonly DueRows OrderQueries = new("payment_orders", "query_after");
    public static readonly DueRows Refunds = new("refunds", "next_attempt_at");
    public static readonly DueRows EInvoices = new("e_invoices", "next_attempt_at");
    public static readonly DueRows InsuranceClaims = new("insurance_claims", "next_attempt_at");

    private DueRows(string table, string dueColumn) =>
        Sql = $"""
            UPDATE {table} SET {dueColumn} = @p0
            WHERE id IN (SELECT id FROM {table} WHERE {dueColumn} <= @p1 ORDER BY {dueColumn} LIMIT @p2 FOR UPDATE SKIP LOCKED)
            RETURNING id AS "Value"
            """;

    public string Sql { get; }
}

/// <summary>The workers' way of taking due rows: push the row's due time forward by a lease in the same statement that
/// finds it (SKIP LOCKED), so replicas never take the same row and a crashed worker's rows come back after the lease.
/// Nothing stays locked while the worker calls WeChat Pay or the e-invoice platform.</summary>
public static class LeasedClaims
{
    public static Task<List<Guid>> ClaimDueAsync(this PaymentDbContext db, DueRows rows, DateTimeOffset now, TimeSpan lease, int batch,
        CancellationToken ct) =>
        db.Database.SqlQueryRaw<Guid>(rows.Sql, now + lease, now, batch).ToListAsync(ct);
}
