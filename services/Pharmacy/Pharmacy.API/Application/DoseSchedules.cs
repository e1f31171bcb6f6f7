using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pharmacy.API.Domain;
using Pharmacy.API.Infrastructure;
using Platform.ServiceDefaults.Problems;

namespace Pharmacy.API.Application;

public sealed record DoseTimeDto(string Time, string Label);

/// <summary>When to take a prescription's doses (hospital time), and the reminders the patient sets on them.</summary>
public sealed class DoseSchedules(PharmacyDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    /// <summary>The usual times for the number of doses a day; bedtime for 睡前 (QN) drugs.</summary>
    public static IReadOnlyList<string> DefaultTimes(Prescription p) => p.AsNeeded ? [] : p.TimesPerDay switch
    {
        1 when p.DosageText.Contains("睡前") || p.DosageText.Contains("每晚") => ["21:00"],
        1 => ["08:00"],
        2 => ["08:00", "20:00"],
        3 => ["08:00", "12:00", "18:00"],
        4 => ["08:00", "12:00", "16:00", "20:00"],
        _ => [],
    };

    public static string Label(string time) => int.Parse(time[..2], CultureInfo.InvariantCulture) switch
    {
        < 10 => "早上", < 14 => "中午", < 19 => "傍晚", _ => "晚上",
    };

    public static DateTimeOffset? Next(IEnumerable<string> times, DateTimeOffset after, DateTimeOffset endsAt)
    {
        var local = after.ToOffset(Shanghai);
        DateTimeOffset? best = null;
        foreach (var t in times)
        {
            var time = TimeOnly.ParseExact(t, "HH:mm", CultureInfo.InvariantCulture);
            var at = new DateTimeOffset(DateOnly.FromDateTime(local.DateTime).ToDateTime(time), Shanghai);
            if (at <= after) at = at.AddDays(1);
            if (best is null || at < best) best = at;
        }
        return best is { } b && b <= endsAt ? b.ToUniversalTime() : null;
    }

    public DateTimeOffset EndOf(Prescription p) =>
        (p.AuthoredOn ?? clock.GetUtcNow()).AddDays(p.DurationDays ?? 30);

    public async Task<DoseReminder> SetAsync(Guid patientId, Guid prescriptionId, bool enabled, IReadOnlyList<string>? times, CancellationToken ct)
    {
        var p = await db.Prescriptions.SingleOrDefaultAsync(x => x.Id == prescriptionId && x.PatientId == patientId, ct)
                ?? throw ProblemException.NotFound("处方");
        var chosen = (times is { Count: > 0 } ? times : DefaultTimes(p)).Distinct().Order().ToList();
        if (chosen.Count is 0 or > 6 || chosen.Any(t => !TimeOnly.TryParseExact(t, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)))
            throw ProblemException.Invalid(new Dictionary<string, string[]> { ["times"] = ["请选择1～6个服药时间（HH:mm）"] });
        var reminder = await db.Reminders.SingleOrDefaultAsync(r => r.PrescriptionId == prescriptionId, ct);
        if (reminder is null) db.Reminders.Add(reminder = new DoseReminder { PatientId = patientId, PrescriptionId = prescriptionId });
        var now = clock.GetUtcNow();
        reminder.Times = chosen;
        reminder.Enabled = enabled;
        reminder.EndsAt = EndOf(p);
        reminder.NextDueAt = enabled ? Next(chosen, now, reminder.EndsAt) : null;
        reminder.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return reminder;
    }

    /// <summary>A prescription the HIS stopped or completed stops reminding.</summary>
    public Task StopEndedAsync(Guid patientId, CancellationToken ct) =>
        db.Reminders.Where(r => r.PatientId == patientId && r.Enabled
                && db.Prescriptions.Any(p => p.Id == r.PrescriptionId && p.Status != "active"))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Enabled, false).SetProperty(r => r.NextDueAt, (DateTimeOffset?)null), ct);
}
