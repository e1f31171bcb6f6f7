using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Payment.API.Domain;
using Payment.API.Infrastructure;
using Platform.ServiceDefaults.Patients;
using Platform.ServiceDefaults.Workers;

namespace Payment.API.Application;

public sealed class EInvoiceSignal : WorkerSignal;

/// <summary>Issues the e-receipts requested with each payment, and the red-letter reversals requested with each refund
/// (after their receipt exists). The bizNo is the order's id, so an issue sent twice is one receipt. A refusal for good
/// is raised for staff; anything else is tried again with backoff. Rows are claimed by pushing next_attempt_at forward.</summary>
public sealed class EInvoiceWorker(IServiceScopeFactory scopes, IOptions<PaymentOptions> options, TimeProvider clock, EInvoiceSignal signal,
    ILogger<EInvoiceWorker> logger) : PollingWorker(signal, logger)
{
    private const int Batch = 20;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private static readonly RetryBackoff Backoff = new(TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(10));

    protected override TimeSpan Interval => options.Value.WorkerInterval;

    protected override async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
            due = await scope.ServiceProvider.GetRequiredService<PaymentDbContext>()
                .ClaimDueAsync(DueRows.EInvoices, clock.GetUtcNow(), Lease, Batch, ct);
        foreach (var id in due)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PaymentDbContext>();
            var invoice = await db.EInvoices.FirstAsync(e => e.Id == id, ct);
            var order = await db.Orders.AsNoTracking().FirstAsync(o => o.Id == invoice.OrderId, ct);
            try
            {
                await IssueAsync(scope.ServiceProvider, db, invoice, order, ct);
            }
            catch (EInvoiceRefusedException e)
            {
                invoice.Fail(e.Message);
                await db.RaiseAsync(PaymentIssue.EInvoiceFailed, $"einvoice:{invoice.Id}", order, null,
                    $"电子票据{(invoice.Kind == EInvoice.Red ? "冲红" : "开具")}失败：{e.Message}（{order.Description}）", clock.GetUtcNow(), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                logger.LogWarning(e, "E-invoice {Id} not issued yet; retrying", invoice.Id);
                invoice.Retry(PartyFailures.IsUnreachable(e) ? "电子票据平台暂时无法访问" : e.Message, clock.GetUtcNow() + Backoff.After(invoice.Attempts + 1));
            }
            // The payer's open pages show the receipt as soon as it exists.
            if (invoice.Status == EInvoice.Issued)
                scope.ServiceProvider.GetRequiredService<PaymentNews>().StatusChanged(order,
                    await db.Refunds.AsNoTracking().Where(r => r.OrderId == order.Id).ToListAsync(ct));
            await db.SaveChangesAsync(ct);
        }
        return due.Count == Batch;
    }

    private async Task IssueAsync(IServiceProvider services, PaymentDbContext db, EInvoice invoice, PaymentOrder order, CancellationToken ct)
    {
        var platform = services.GetRequiredService<EInvoicePlatform>();
        if (invoice.Kind == EInvoice.Blue)
        {
            // The payer's name is printed on the receipt; it is read when needed and kept only by the platform.
            var patient = await services.GetRequiredService<PatientDirectory>().FindAsync(order.PatientId, ct);
            var issued = await platform.IssueAsync(new EInvoiceRequest(order.Id.ToString("N"), patient?.Name ?? "患者", "个人",
                CategoryOf(order.Kind), [new EInvoiceItem(OrderStatus.KindText(order.Kind), order.AmountFen, 1)], order.AmountFen,
                order.PaidAt ?? clock.GetUtcNow(), PayChannelOf(order), order.TransactionId ?? ""), ct);
            invoice.Issue(issued.InvoiceCode, issued.InvoiceNo, issued.CheckCode, issued.VerifyUrl ?? "", issued.IssuedAt);
            return;
        }
        var blue = await db.EInvoices.AsNoTracking().FirstOrDefaultAsync(e => e.OrderId == order.Id && e.Kind == EInvoice.Blue, ct);
        if (blue is not { Status: EInvoice.Issued })
        {
            // The receipt a reversal cancels is not there yet (or failed): wait for it, staff see a failed one.
            invoice.Retry("等待原票据开具", clock.GetUtcNow() + Backoff.After(invoice.Attempts + 1));
            return;
        }
        var refund = await db.Refunds.AsNoTracking().FirstAsync(r => r.Id == invoice.RefundId, ct);
        var red = await platform.ReverseAsync(blue.InvoiceCode!, blue.InvoiceNo!, refund.Reason, invoice.AmountFen, invoice.Id, ct);
        invoice.Issue(red.InvoiceCode, red.InvoiceNo, red.CheckCode, red.VerifyUrl ?? "", red.IssuedAt);
    }

    private static string PayChannelOf(PaymentOrder order) => order.InsuredFen == 0 ? "微信支付"
        : order.TransactionId is null ? "医保移动支付" : "医保移动支付+微信支付";

    private static string CategoryOf(string kind) => kind switch
    {
        "registration" => "挂号",
        "deposit" => "住院预交金",
        _ => "门诊",
    };
}
