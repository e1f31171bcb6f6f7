using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Payment.API.Domain;

namespace Payment.API.Infrastructure.EntityConfigurations;

internal sealed class PaymentOrderConfiguration : IEntityTypeConfiguration<PaymentOrder>
{
    public const string OneOpenOrderPerBill = "ux_payment_orders_open_bill";

    public void Configure(EntityTypeBuilder<PaymentOrder> e)
    {
        e.ToTable("payment_orders");
        e.HasKey(o => o.Id);
        e.HasIndex(o => new { o.Kind, o.SourceId }).IsUnique();
        e.HasIndex(o => o.OutTradeNo).IsUnique();
        e.HasIndex(o => o.TransactionId).IsUnique().HasFilter("transaction_id IS NOT NULL");
        e.HasIndex(o => new { o.AccountId, o.CreatedAt });
        e.HasIndex(o => o.QueryAfter).HasFilter("query_after IS NOT NULL");
        e.HasIndex(o => o.PaidAt);
        e.Property(o => o.Kind).HasMaxLength(20);
        e.Property(o => o.Description).HasMaxLength(127);
        e.Property(o => o.OutTradeNo).HasMaxLength(32);
        e.Property(o => o.Status).HasMaxLength(20);
        e.Property(o => o.WithdrawnReason).HasMaxLength(200);
        e.Property(o => o.PrepayId).HasMaxLength(64);
        e.Property(o => o.TradeType).HasMaxLength(16);
        e.Property(o => o.TransactionId).HasMaxLength(32);
        e.Property(o => o.HisReference).HasMaxLength(64);
        // One open order per HIS bill: a double tap, or two devices, pay the same order.
        e.HasIndex(o => new { o.Kind, o.HisReference }).IsUnique().HasDatabaseName(OneOpenOrderPerBill)
            .HasFilter("kind = 'outpatient' AND status = 'pending' AND withdrawn_reason IS NULL");
        e.Property(o => o.Version).IsRowVersion();
        e.Ignore(o => o.IsOpen);
        e.Ignore(o => o.Refundable);
        e.Ignore(o => o.PayableFen);
        e.Ignore(o => o.CanChangeInsurance);
    }
}

internal sealed class RefundConfiguration : IEntityTypeConfiguration<Refund>
{
    public void Configure(EntityTypeBuilder<Refund> e)
    {
        e.ToTable("refunds");
        e.HasKey(r => r.Id);
        e.HasIndex(r => r.OrderId);
        e.HasIndex(r => r.NextAttemptAt).HasFilter("next_attempt_at IS NOT NULL");
        e.HasOne<PaymentOrder>().WithMany().HasForeignKey(r => r.OrderId).OnDelete(DeleteBehavior.Restrict);
        e.Property(r => r.Reason).HasMaxLength(200);
        e.Property(r => r.Status).HasMaxLength(20);
        e.Property(r => r.WeChatRefundId).HasMaxLength(64);
        e.Property(r => r.FailureReason).HasMaxLength(300);
        e.Property(r => r.Version).IsRowVersion();
        e.Ignore(r => r.OutRefundNo);
    }
}

internal sealed class PaymentIssueConfiguration : IEntityTypeConfiguration<PaymentIssue>
{
    public void Configure(EntityTypeBuilder<PaymentIssue> e)
    {
        e.ToTable("payment_issues");
        e.HasKey(i => i.Id);
        e.HasIndex(i => i.DedupKey).IsUnique();
        e.HasIndex(i => i.CreatedAt);
        e.Property(i => i.Kind).HasMaxLength(30);
        e.Property(i => i.DedupKey).HasMaxLength(200);
        e.Property(i => i.OutTradeNo).HasMaxLength(32);
        e.Property(i => i.Detail).HasMaxLength(1000);
        e.Property(i => i.ResolvedBy).HasMaxLength(100);
        e.Property(i => i.Note).HasMaxLength(500);
    }
}

internal sealed class ReconciliationRunConfiguration : IEntityTypeConfiguration<ReconciliationRun>
{
    public void Configure(EntityTypeBuilder<ReconciliationRun> e)
    {
        e.ToTable("reconciliation_runs");
        e.HasKey(r => r.BillDate);
        e.Property(r => r.Status).HasMaxLength(20);
        e.Property(r => r.Failure).HasMaxLength(500);
    }
}

internal sealed class EInvoiceConfiguration : IEntityTypeConfiguration<EInvoice>
{
    public void Configure(EntityTypeBuilder<EInvoice> e)
    {
        e.ToTable("e_invoices");
        e.HasKey(i => i.Id);
        e.HasIndex(i => i.OrderId).IsUnique().HasFilter("kind = 'blue'");
        e.HasIndex(i => i.RefundId).IsUnique().HasFilter("refund_id IS NOT NULL");
        e.HasIndex(i => i.NextAttemptAt).HasFilter("next_attempt_at IS NOT NULL");
        e.HasOne<PaymentOrder>().WithMany().HasForeignKey(i => i.OrderId).OnDelete(DeleteBehavior.Cascade);
        e.Property(i => i.Kind).HasMaxLength(8);
        e.Property(i => i.Status).HasMaxLength(16);
        e.Property(i => i.InvoiceCode).HasMaxLength(20);
        e.Property(i => i.InvoiceNo).HasMaxLength(20);
        e.Property(i => i.CheckCode).HasMaxLength(20);
        e.Property(i => i.VerifyUrl).HasMaxLength(500);
        e.Property(i => i.FailureReason).HasMaxLength(300);
        e.Ignore(i => i.StatusText);
    }
}
