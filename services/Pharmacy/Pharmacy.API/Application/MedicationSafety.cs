using Microsoft.EntityFrameworkCore;
using Pharmacy.API.Domain;
using Pharmacy.API.Infrastructure;
using Platform.Contracts.Pharmacy;
using Platform.Messaging.Outbox;

namespace Pharmacy.API.Application;

/// <summary>Runs the check over a patient's current prescriptions and records what is new: each new finding becomes an
/// alert and a message to the patient's phone (through Notification); findings whose prescriptions have ended resolve.</summary>
public sealed class MedicationSafety(PharmacyDbContext db, IIntegrationEventOutbox outbox, TimeProvider clock)
{
    public async Task<DrugKnowledge> KnowledgeAsync(CancellationToken ct) => new(
        await db.Drugs.AsNoTracking().ToDictionaryAsync(d => d.Code, ct),
        await db.Interactions.AsNoTracking().ToListAsync(ct),
        await db.AllergyClasses.AsNoTracking().ToListAsync(ct));

    public async Task<int> CheckAsync(Guid patientId, CancellationToken ct)
    {
        var context = await db.Contexts.FindAsync([patientId], ct) ?? new PatientMedicationContext { PatientId = patientId };
        var current = await db.Prescriptions.Where(p => p.PatientId == patientId && (p.Status == "active" || p.Status == "on-hold"))
            .ToListAsync(ct);
        var findings = SafetyChecker.Check(context, current, await KnowledgeAsync(ct));
        var existing = await db.Alerts.Where(a => a.PatientId == patientId).ToDictionaryAsync(a => a.Key, ct);
        var now = clock.GetUtcNow();
        var raised = 0;
        foreach (var f in findings)
        {
            if (existing.TryGetValue(f.Key, out var alert))
            {
                if (alert.Status == SafetyAlertStatus.Resolved) alert.Status = SafetyAlertStatus.Open;
                continue;
            }
            alert = new SafetyAlert
            {
                PatientId = patientId, Key = f.Key, Kind = f.Kind, Severity = f.Severity, Title = f.Title, Detail = f.Detail,
                Advice = f.Advice, DrugNames = [.. f.DrugNames], PrescriptionHisIds = [.. f.PrescriptionHisIds], RaisedAt = now,
            };
            db.Alerts.Add(alert);
            outbox.Add(new MedicationSafetyAlertRaisedIntegrationEvent(alert.Id, patientId, f.Kind, f.Severity, f.Title, f.Detail, f.Advice,
                f.DrugNames, now));
            raised++;
        }
        var keys = findings.Select(f => f.Key).ToHashSet();
        foreach (var stale in existing.Values.Where(a => a.Status == SafetyAlertStatus.Open && !keys.Contains(a.Key)))
            stale.Status = SafetyAlertStatus.Resolved;
        return raised;
    }
}
