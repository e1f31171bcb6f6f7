using Microsoft.EntityFrameworkCore;
using Pharmacy.API.Domain;
using Pharmacy.API.Infrastructure;

namespace Pharmacy.API.Application;

public sealed record LeafletDto(
    string Code, string Name, string DrugClass, string Indications, string Dosage, string Contraindications, string AdverseReactions,
    string Storage, string HowToTake, string Pregnancy, int MinAgeYears, bool ColdChain, string? Controlled, string Source,
    DateOnly ReviewedOn, string ReviewedBy)
{
    public static LeafletDto From(Drug d) => new(d.Code, d.Name, d.DrugClass, d.Indications, d.Dosage, d.Contraindications,
        d.AdverseReactions, d.Storage, d.HowToTake, d.Pregnancy, d.MinAgeYears, d.ColdChain, d.Controlled, d.Source, d.ReviewedOn, d.ReviewedBy);
}

public sealed record AlertDto(
    Guid Id, Guid PatientId, string Kind, string Severity, string Title, string Detail, string Advice, IReadOnlyList<string> DrugNames,
    DateTimeOffset RaisedAt, string Status, string StatusText, string? ReviewNote, string? ReviewedBy, DateTimeOffset? ReviewedAt)
{
    public static AlertDto From(SafetyAlert a) => new(a.Id, a.PatientId, a.Kind, a.Severity, a.Title, a.Detail, a.Advice, a.DrugNames,
        a.RaisedAt, a.Status, SafetyAlertStatus.TextOf(a.Status), a.ReviewNote, a.ReviewedBy, a.ReviewedAt);
}

public sealed record ReminderDto(bool Enabled, IReadOnlyList<string> Times, DateTimeOffset? NextDueAt);

public sealed record PrescriptionDto(
    Guid Id, string HisId, string Category, string CategoryText, string DrugCode, string DrugName, string? DrugClass, string DosageText,
    string Route, int? TimesPerDay, bool AsNeeded, int? DurationDays, string? Quantity, string Prescriber, DateTimeOffset? AuthoredOn,
    string Status, string DispenseText, DateTimeOffset? DispensedAt, bool Deliverable, string? NotDeliverableReason,
    IReadOnlyList<DoseTimeDto> Schedule, ReminderDto? Reminder, int OpenAlerts, LeafletDto? Leaflet);

public sealed record PrescriptionDetailDto(PrescriptionDto Prescription, IReadOnlyList<AlertDto> Alerts);

public sealed class MedicationViews(PharmacyDbContext db, Deliveries deliveries)
{
    public async Task<List<PrescriptionDto>> PrescriptionsAsync(Guid patientId, string? category, CancellationToken ct)
    {
        var query = db.Prescriptions.AsNoTracking().Where(p => p.PatientId == patientId);
        if (!string.IsNullOrEmpty(category)) query = query.Where(p => p.Category == category);
        var list = await query.OrderByDescending(p => p.AuthoredOn).ThenBy(p => p.DrugName).ToListAsync(ct);
        return await ShapeAsync(patientId, list, withLeaflet: true, ct);
    }

    public async Task<PrescriptionDetailDto?> PrescriptionAsync(Guid patientId, Guid id, CancellationToken ct)
    {
        var p = await db.Prescriptions.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id && x.PatientId == patientId, ct);
        if (p is null) return null;
        var alerts = await db.Alerts.AsNoTracking().Where(a => a.PatientId == patientId && a.PrescriptionHisIds.Contains(p.HisId))
            .OrderByDescending(a => a.RaisedAt).ToListAsync(ct);
        return new PrescriptionDetailDto((await ShapeAsync(patientId, [p], withLeaflet: true, ct))[0], alerts.Select(AlertDto.From).ToList());
    }

    public async Task<List<AlertDto>> AlertsAsync(Guid patientId, CancellationToken ct) =>
        (await db.Alerts.AsNoTracking().Where(a => a.PatientId == patientId && a.Status != SafetyAlertStatus.Resolved)
            .OrderByDescending(a => a.Severity == "high").ThenByDescending(a => a.RaisedAt).ToListAsync(ct)).Select(AlertDto.From).ToList();

    private async Task<List<PrescriptionDto>> ShapeAsync(Guid patientId, List<Prescription> list, bool withLeaflet, CancellationToken ct)
    {
        var codes = list.Select(p => p.DrugCode).Distinct().ToList();
        var drugs = await db.Drugs.AsNoTracking().Where(d => codes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, ct);
        var ids = list.Select(p => p.Id).ToList();
        var reminders = await db.Reminders.AsNoTracking().Where(r => ids.Contains(r.PrescriptionId)).ToDictionaryAsync(r => r.PrescriptionId, ct);
        var alerts = await db.Alerts.AsNoTracking().Where(a => a.PatientId == patientId && a.Status == SafetyAlertStatus.Open)
            .Select(a => a.PrescriptionHisIds).ToListAsync(ct);
        return list.Select(p =>
        {
            var drug = drugs.GetValueOrDefault(p.DrugCode);
            // Region is checked when the address is chosen; here only what rules the drug out everywhere.
            var reason = drug?.Controlled is not null ? deliveries.RefusalOf(drug, "") : null;
            var reminder = reminders.GetValueOrDefault(p.Id);
            return new PrescriptionDto(p.Id, p.HisId, p.Category, Prescription.CategoryText(p.Category), p.DrugCode, p.DrugName, drug?.DrugClass,
                p.DosageText, p.Route, p.TimesPerDay, p.AsNeeded, p.DurationDays, p.Quantity, p.Prescriber, p.AuthoredOn, p.Status, p.DispenseText,
                p.DispensedAt, reason is null && p.Status == "active" && p.DispenseStatus != "completed", reason,
                (reminder?.Times ?? DoseSchedules.DefaultTimes(p)).Select(t => new DoseTimeDto(t, DoseSchedules.Label(t))).ToList(),
                reminder is null ? null : new ReminderDto(reminder.Enabled, reminder.Times, reminder.NextDueAt),
                alerts.Count(a => a.Contains(p.HisId)), withLeaflet && drug is not null ? LeafletDto.From(drug) : null);
        }).ToList();
    }
}
