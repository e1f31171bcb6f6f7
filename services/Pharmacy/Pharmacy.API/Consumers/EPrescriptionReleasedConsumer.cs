using MassTransit;
using Microsoft.EntityFrameworkCore;
using Pharmacy.API.Application;
using Pharmacy.API.Domain;
using Pharmacy.API.Infrastructure;
using Platform.Contracts.Consultation;
using Platform.Messaging.Inbox;

namespace Pharmacy.API.Consumers;

/// <summary>A pharmacist approved an internet follow-up's e-prescription (X01): its drugs join the patient's prescriptions
/// (互联网处方), waiting to be collected or delivered like any other, and go through the same medication-safety check.</summary>
public sealed class EPrescriptionReleasedConsumer(PharmacyDbContext db, MedicationSafety safety)
    : IdempotentConsumer<EPrescriptionReleasedIntegrationEvent, PharmacyDbContext>(db)
{
    public const string Category = "online";

    protected override async Task HandleAsync(EPrescriptionReleasedIntegrationEvent e, ConsumeContext<EPrescriptionReleasedIntegrationEvent> context)
    {
        var ct = context.CancellationToken;
        var prefix = $"erx-{e.PrescriptionId:N}-";
        if (await Db.Prescriptions.AnyAsync(p => p.PatientId == e.PatientId && p.HisId.StartsWith(prefix), ct)) return;
        for (var i = 0; i < e.Lines.Count; i++)
        {
            var line = e.Lines[i];
            Db.Prescriptions.Add(new Prescription
            {
                PatientId = e.PatientId, HisId = prefix + i, Category = Category, DrugCode = line.DrugCode, DrugName = line.DrugName,
                DoseValue = line.Dose, DoseUnit = line.Unit, TimesPerDay = line.TimesPerDay, Route = line.Route,
                DosageText = $"每次{line.Dose:0.##}{line.Unit}，每日{line.TimesPerDay}次，{line.Route}", DurationDays = line.Days,
                Prescriber = e.DoctorName, AuthoredOn = e.ApprovedAt, Status = "active", SyncedAt = e.OccurredAt,
            });
        }
        await Db.SaveChangesAsync(ct);
        await safety.CheckAsync(e.PatientId, ct);
    }
}
