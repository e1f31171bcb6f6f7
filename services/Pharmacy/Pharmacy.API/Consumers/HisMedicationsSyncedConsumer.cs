using MassTransit;
using Microsoft.EntityFrameworkCore;
using Pharmacy.API.Application;
using Pharmacy.API.Domain;
using Pharmacy.API.Infrastructure;
using Platform.Contracts.His;
using Platform.Messaging.Inbox;

namespace Pharmacy.API.Consumers;

/// <summary>Replaces what the service holds of the patient's prescriptions and record with the HIS's snapshot, then runs
/// the medication-safety check. A snapshot older than the one already applied is ignored (events may overtake).</summary>
public sealed class HisMedicationsSyncedConsumer(PharmacyDbContext db, MedicationSafety safety, DoseSchedules schedules)
    : IdempotentConsumer<HisMedicationsSyncedIntegrationEvent, PharmacyDbContext>(db)
{
    protected override async Task HandleAsync(HisMedicationsSyncedIntegrationEvent e, ConsumeContext<HisMedicationsSyncedIntegrationEvent> context)
    {
        var ct = context.CancellationToken;
        var ctx = await Db.Contexts.FindAsync([e.PatientId], ct);
        if (ctx is not null && ctx.UpdatedAt > e.OccurredAt) return;
        if (ctx is null) Db.Contexts.Add(ctx = new PatientMedicationContext { PatientId = e.PatientId });
        ctx.AgeYears = e.Context.AgeYears;
        ctx.Sex = e.Context.Sex;
        ctx.Pregnant = e.Context.Pregnant;
        ctx.WeightKg = e.Context.WeightKg;
        ctx.Allergies = [.. e.Context.Allergies];
        ctx.Conditions = [.. e.Context.Conditions];
        ctx.UpdatedAt = e.OccurredAt;

        var held = await Db.Prescriptions.Where(p => p.PatientId == e.PatientId).ToDictionaryAsync(p => p.HisId, ct);
        foreach (var line in e.Prescriptions)
        {
            if (!held.TryGetValue(line.HisId, out var p))
            {
                p = new Prescription { PatientId = e.PatientId, HisId = line.HisId, Category = line.Category, DrugCode = line.DrugCode,
                    DrugName = line.DrugName, Status = line.Status };
                Db.Prescriptions.Add(p);
                held[line.HisId] = p;
            }
            p.Category = line.Category;
            p.EncounterHisId = line.EncounterHisId;
            p.DrugCode = line.DrugCode;
            p.DrugName = line.DrugName;
            p.DoseValue = line.DoseValue;
            p.DoseUnit = line.DoseUnit;
            p.TimesPerDay = line.TimesPerDay;
            p.AsNeeded = line.AsNeeded;
            p.Route = line.Route;
            p.DosageText = line.DosageText;
            p.DurationDays = line.DurationDays;
            p.Quantity = line.Quantity;
            p.Prescriber = line.Prescriber;
            p.AuthoredOn = line.AuthoredOn?.ToUniversalTime();
            p.Status = line.Status;
            p.DispenseStatus = line.DispenseStatus;
            p.DispensedAt = line.DispensedAt?.ToUniversalTime();
            p.SyncedAt = e.OccurredAt;
        }
        await Db.SaveChangesAsync(ct);
        await safety.CheckAsync(e.PatientId, ct);
        await schedules.StopEndedAsync(e.PatientId, ct);
    }
}
