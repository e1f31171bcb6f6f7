using Consultation.API.Domain;
using Consultation.API.Extensions;
using Consultation.API.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Workers;

namespace Consultation.API.Application;

public sealed class ExpirySignal : WorkerSignal;

/// <summary>Closes what ran out of time: unpaid consultations past their pay-by (the payment order is withdrawn) and open
/// ones past their time limit (ended with an automatic summary). A row that changed meanwhile is simply left for the next round.</summary>
public sealed class ExpiryWorker(IServiceScopeFactory scopes, ExpirySignal signal, IOptions<ConsultationOptions> options, TimeProvider clock,
    ILogger<ExpiryWorker> logger) : PollingWorker(signal, logger)
{
    private const int Batch = 50;

    protected override TimeSpan Interval => options.Value.ExpiryInterval;

    protected override async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ConsultationDbContext>();
        var consultations = scope.ServiceProvider.GetRequiredService<Consultations>();
        var now = clock.GetUtcNow();
        var due = await db.Consultations
            .Where(c => (c.Status == ConsultationStatus.AwaitingPayment && c.PayBy < now)
                        || ((c.Status == ConsultationStatus.Waiting || c.Status == ConsultationStatus.InProgress) && c.EndsBy < now))
            .OrderBy(c => c.CreatedAt).Take(Batch).ToListAsync(ct);
        foreach (var c in due)
        {
            if (c.Status == ConsultationStatus.AwaitingPayment) consultations.Cancel(c, "timeout", "超时未支付，咨询已取消");
            else consultations.End(c, "timeout", c.MessageCount <= 1
                ? "医生未在时限内接诊，本次咨询已自动结束，咨询费将原路退回。"
                : "咨询时间已到，本次咨询已自动结束。如仍有不适，请再次发起咨询或到医院就诊。");
            if (c.Status == ConsultationStatus.Ended && c.AcceptedAt is null && c.PaidAt is not null)
                consultations.RefundUnanswered(c);
        }
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return true; }
        return due.Count == Batch;
    }
}
