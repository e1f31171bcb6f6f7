using FollowUp.API.Domain;
using FollowUp.API.Extensions;
using FollowUp.API.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Contracts.FollowUp;
using Platform.Messaging.Outbox;
using Platform.ServiceDefaults.Workers;

namespace FollowUp.API.Application;

public sealed class FollowUpSignal : WorkerSignal;

/// <summary>Sends each scheduled questionnaire once its time comes (the patient hears by app message, and by SMS for a
/// follow-up plan), and escalates complaints nobody acknowledged in time. Due rows are claimed FOR UPDATE SKIP LOCKED
/// and their events written to the outbox in the same transaction, so replicas and restarts never act twice.</summary>
public sealed class FollowUpWorker(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<FollowUpOptions> options, FollowUpSignal signal, StaffSmsSignal smsSignal,
    ILogger<FollowUpWorker> logger) : PollingWorker(signal, logger)
{
    private const int Batch = 100;

    protected override TimeSpan Interval => options.Value.WorkerInterval;

    protected override async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        var surveys = await SendDueSurveysAsync(ct);
        var escalated = await EscalateAsync(ct);
        if (escalated > 0) smsSignal.Nudge();
        return surveys == Batch || escalated == Batch;
    }

    private async Task<int> SendDueSurveysAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FollowUpDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<IIntegrationEventOutbox>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var due = await db.Responses.FromSqlInterpolated(
                $"SELECT * FROM survey_responses WHERE sent_at IS NULL AND status = 'scheduled' AND send_at <= {now} ORDER BY send_at LIMIT {Batch} FOR UPDATE SKIP LOCKED")
            .ToListAsync(ct);
        var ids = due.Select(r => r.QuestionnaireId).Distinct().ToList();
        var questionnaires = await db.Questionnaires.AsNoTracking().Where(q => ids.Contains(q.Id)).ToDictionaryAsync(q => q.Id, ct);
        foreach (var r in due)
        {
            r.SentAt = now;
            if (!questionnaires.TryGetValue(r.QuestionnaireId, out var q) || !q.Active) { r.Status = SurveyStatus.Skipped; continue; }
            r.Status = SurveyStatus.Sent;
            outbox.Add(new SurveySentIntegrationEvent(r.Id, r.PatientId, q.Purpose, q.Title, r.DepartmentName));
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return due.Count;
    }

    private async Task<int> EscalateAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FollowUpDbContext>();
        var complaints = scope.ServiceProvider.GetRequiredService<Complaints>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var due = await db.Complaints.FromSqlInterpolated(
                $"SELECT * FROM complaints WHERE status = 'routed' AND acknowledge_by <= {now} ORDER BY acknowledge_by LIMIT {Batch} FOR UPDATE SKIP LOCKED")
            .ToListAsync(ct);
        foreach (var c in due) await complaints.EscalateAsync(c, now, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return due.Count;
    }
}
