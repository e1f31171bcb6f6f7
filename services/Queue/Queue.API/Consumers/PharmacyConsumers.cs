using MassTransit;
using Platform.Contracts.His;
using Platform.Contracts.Pharmacy;
using Platform.Contracts.Queue;
using Platform.Messaging.Inbox;
using Queue.API.Application;
using Queue.API.Infrastructure;

namespace Queue.API.Consumers;

/// <summary>Pharmacy says a prescription is ready at a window: a pick-up number there.</summary>
public sealed class MedicineReadyConsumer(QueueDbContext db, PickupTickets pickups)
    : IdempotentConsumer<MedicineReadyForPickupIntegrationEvent, QueueDbContext>(db)
{
    protected override Task HandleAsync(MedicineReadyForPickupIntegrationEvent e, ConsumeContext<MedicineReadyForPickupIntegrationEvent> context) =>
        pickups.IssueAsync(e.PatientId, e.PrescriptionId, e.PharmacyWindow, e.ReadyAt, [], context.CancellationToken);
}

/// <summary>The HIS's prescriptions of a patient: each outpatient prescription (the lines of one encounter) dispensed today
/// gets a pick-up number at the pharmacy window, with how to take its drugs.</summary>
public sealed class MedicationsDispensedConsumer(QueueDbContext db, PickupTickets pickups, TimeProvider clock)
    : IdempotentConsumer<HisMedicationsSyncedIntegrationEvent, QueueDbContext>(db)
{
    private const string Outpatient = "outpatient";
    private const string Completed = "completed";

    protected override async Task HandleAsync(HisMedicationsSyncedIntegrationEvent e, ConsumeContext<HisMedicationsSyncedIntegrationEvent> context)
    {
        var today = ClinicDay.Of(clock.GetUtcNow());
        var dispensed = e.Prescriptions
            .Where(p => p.Category == Outpatient && p.DispenseStatus == Completed && p.DispensedAt is { } at && ClinicDay.Of(at) == today)
            .GroupBy(p => p.EncounterHisId ?? p.HisId);
        foreach (var prescription in dispensed)
        {
            var guidance = prescription.Select(p => new MedicationGuidanceLine(p.DrugName, p.DosageText, p.Route)).ToList();
            await pickups.IssueAsync(e.PatientId, prescription.Key, null, prescription.Max(p => p.DispensedAt!.Value), guidance,
                context.CancellationToken);
        }
    }
}
