using Convenience.API.Domain;
using Convenience.API.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Convenience;
using Platform.Contracts.Staff;
using Platform.Messaging.Outbox;
using Platform.ServiceDefaults.Problems;

namespace Convenience.API.Application;

public sealed record ReadingInput(string? Kind, int? Systolic, int? Diastolic, decimal? Value, string? Context, DateTimeOffset? MeasuredAt);

public sealed record ThresholdInput(decimal? Low, decimal? High, decimal? DiastolicLow, decimal? DiastolicHigh);

/// <summary>慢病管理 (X16): readings entered or imported are checked against the care team's thresholds for the patient;
/// one outside them raises an alert for the team and tells the patient, in the same transaction as the reading.</summary>
public sealed class ChronicCare(ConvenienceDbContext db, IIntegrationEventOutbox outbox, TimeProvider clock)
{
    public const int MaxImport = 500;

    public async Task<List<ChronicReading>> RecordAsync(Guid accountId, Guid patientId, IReadOnlyList<ReadingInput> inputs, string source,
        CancellationToken ct)
    {
        if (inputs.Count == 0 || inputs.Count > MaxImport)
            throw ProblemException.Invalid(new Dictionary<string, string[]> { ["readings"] = [$"一次可记录1到{MaxImport}条测量值"] });
        var now = clock.GetUtcNow();
        var errors = new Dictionary<string, string[]>();
        var readings = inputs.Select((input, i) => Validate(input, i, inputs.Count > 1, now, errors)).ToList();
        if (errors.Count > 0) throw ProblemException.Invalid(errors);
        // A device's export is often imported again: a reading already recorded (same kind, time and values) is kept once.
        var (from, to) = (readings.Min(r => r.MeasuredAt), readings.Max(r => r.MeasuredAt));
        var known = (await db.Readings.AsNoTracking().Where(r => r.PatientId == patientId && r.MeasuredAt >= from && r.MeasuredAt <= to)
            .ToListAsync(ct)).Select(Identity).ToHashSet();
        readings = readings.Where(r => known.Add(Identity(r))).ToList();
        var thresholds = await db.Thresholds.AsNoTracking().Where(t => t.PatientId == patientId).ToDictionaryAsync(t => t.Kind, ct);
        foreach (var r in readings)
        {
            r.PatientId = patientId;
            r.RecordedBy = accountId;
            r.Source = source;
            r.RecordedAt = now;
            db.Readings.Add(r);
            if (thresholds.GetValueOrDefault(r.Kind) is not { } t || Breach(r, t) is not { } breach) continue;
            r.OutOfRange = true;
            r.AlertText = $"{ReadingKinds.TextOf(r.Kind)} {ValueText(r)}，{breach}";
            db.Alerts.Add(new ChronicAlert { ReadingId = r.Id, PatientId = patientId, Kind = r.Kind, Text = r.AlertText, RaisedAt = now });
            outbox.Add(new ChronicReadingOutOfRangeIntegrationEvent(r.Id, patientId, r.Kind, ReadingKinds.TextOf(r.Kind), ValueText(r),
                RangeText(r.Kind, t), r.MeasuredAt));
            outbox.Add(new StaffWorkChangedIntegrationEvent(StaffAreas.Convenience, r.Id));
        }
        await db.SaveChangesAsync(ct);
        return readings;
    }

    private static (string, DateTimeOffset, int?, int?, decimal?) Identity(ChronicReading r) =>
        (r.Kind, r.MeasuredAt, r.Systolic, r.Diastolic, r.Value is { } v ? decimal.Round(v, 2) : null);

    private static ChronicReading Validate(ReadingInput input, int index, bool many, DateTimeOffset now, Dictionary<string, string[]> errors)
    {
        var prefix = many ? $"readings[{index}]." : "";
        var kind = input.Kind ?? "";
        // Whole seconds: what devices record, and what finds the same reading again when an export is imported twice.
        var at = (input.MeasuredAt ?? now).ToUniversalTime();
        var reading = new ChronicReading { Kind = kind, MeasuredAt = at.AddTicks(-(at.Ticks % TimeSpan.TicksPerSecond)), Context = input.Context };
        if (!ReadingKinds.All.Contains(kind)) { errors[prefix + "kind"] = ["测量类型须为血压、血糖或体重"]; return reading; }
        if (reading.MeasuredAt > now.AddMinutes(5)) errors[prefix + "measuredAt"] = ["测量时间不能晚于现在"];
        if (reading.MeasuredAt < now.AddYears(-1)) errors[prefix + "measuredAt"] = ["只能记录一年内的测量值"];
        switch (kind)
        {
            case ReadingKinds.BloodPressure:
                if (input.Systolic is not (>= 50 and <= 300)) errors[prefix + "systolic"] = ["收缩压须在50-300 mmHg之间"];
                if (input.Diastolic is not (>= 30 and <= 200)) errors[prefix + "diastolic"] = ["舒张压须在30-200 mmHg之间"];
                else if (input.Systolic is { } s && input.Diastolic >= s) errors[prefix + "diastolic"] = ["舒张压应低于收缩压"];
                (reading.Systolic, reading.Diastolic) = (input.Systolic, input.Diastolic);
                break;
            case ReadingKinds.Glucose:
                if (input.Value is not (>= 1 and <= 35)) errors[prefix + "value"] = ["血糖须在1-35 mmol/L之间"];
                if (input.Context is not (null or "fasting" or "after-meal" or "random")) errors[prefix + "context"] = ["请选择空腹、餐后或随机"];
                reading.Value = input.Value;
                break;
            default:
                if (input.Value is not (>= 2 and <= 300)) errors[prefix + "value"] = ["体重须在2-300 kg之间"];
                reading.Value = input.Value;
                reading.Context = null;
                break;
        }
        return reading;
    }

    /// <summary>Why the reading is out of range, or null.</summary>
    public static string? Breach(ChronicReading r, ChronicThreshold t)
    {
        decimal? main = r.Kind == ReadingKinds.BloodPressure ? r.Systolic : r.Value;
        var problems = new List<string>();
        var label = r.Kind == ReadingKinds.BloodPressure ? "收缩压" : ReadingKinds.TextOf(r.Kind);
        if (main > t.High) problems.Add($"{label}高于{t.High:0.##}");
        if (main < t.Low) problems.Add($"{label}低于{t.Low:0.##}");
        if (r.Kind == ReadingKinds.BloodPressure)
        {
            if (r.Diastolic > t.DiastolicHigh) problems.Add($"舒张压高于{t.DiastolicHigh:0.##}");
            if (r.Diastolic < t.DiastolicLow) problems.Add($"舒张压低于{t.DiastolicLow:0.##}");
        }
        return problems.Count == 0 ? null : "超出医护设定范围（" + string.Join("，", problems) + "）";
    }

    public static string ValueText(ChronicReading r) => r.Kind == ReadingKinds.BloodPressure
        ? $"{r.Systolic}/{r.Diastolic} mmHg"
        : $"{r.Value:0.##} {ReadingKinds.UnitOf(r.Kind)}";

    public static string RangeText(string kind, ChronicThreshold t)
    {
        static string Range(decimal? low, decimal? high) => (low, high) switch
        {
            ({ } l, { } h) => $"{l:0.##}-{h:0.##}", ({ } l, null) => $"≥{l:0.##}", (null, { } h) => $"≤{h:0.##}", _ => "不限",
        };
        return kind == ReadingKinds.BloodPressure
            ? $"收缩压 {Range(t.Low, t.High)}，舒张压 {Range(t.DiastolicLow, t.DiastolicHigh)} mmHg"
            : $"{Range(t.Low, t.High)} {ReadingKinds.UnitOf(kind)}";
    }

    public async Task<ChronicThreshold> SetThresholdAsync(Guid patientId, string kind, ThresholdInput input, string staff, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (!ReadingKinds.All.Contains(kind)) errors["kind"] = ["测量类型须为血压、血糖或体重"];
        if (input.Low is null && input.High is null && input.DiastolicLow is null && input.DiastolicHigh is null)
            errors["high"] = ["请至少设置一个上限或下限"];
        if (input.Low is { } l && input.High is { } h && l >= h) errors["low"] = ["下限须低于上限"];
        if (input.DiastolicLow is { } dl && input.DiastolicHigh is { } dh && dl >= dh) errors["diastolicLow"] = ["舒张压下限须低于上限"];
        if (kind != ReadingKinds.BloodPressure && (input.DiastolicLow is not null || input.DiastolicHigh is not null))
            errors["diastolicHigh"] = ["只有血压可以设置舒张压范围"];
        if (new[] { input.Low, input.High, input.DiastolicLow, input.DiastolicHigh }.Any(v => v is < 0 or > 400)) errors["range"] = ["数值超出合理范围"];
        if (errors.Count > 0) throw ProblemException.Invalid(errors);
        var row = await db.Thresholds.SingleOrDefaultAsync(t => t.PatientId == patientId && t.Kind == kind, ct);
        if (row is null) db.Thresholds.Add(row = new ChronicThreshold { PatientId = patientId, Kind = kind, SetBy = staff });
        (row.Low, row.High, row.DiastolicLow, row.DiastolicHigh, row.SetBy, row.SetAt) =
            (input.Low, input.High, input.DiastolicLow, input.DiastolicHigh, staff, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return row;
    }

    public async Task<ChronicReminder> SetReminderAsync(Guid accountId, Guid patientId, string? kind, TimeOnly? time, bool active, CancellationToken ct)
    {
        if (kind is null || !ReadingKinds.All.Contains(kind) || time is null)
            throw ProblemException.Invalid(new Dictionary<string, string[]> { ["reminder"] = ["请选择测量类型和提醒时间"] });
        var row = await db.Reminders.SingleOrDefaultAsync(r => r.PatientId == patientId && r.Kind == kind, ct);
        if (row is null) db.Reminders.Add(row = new ChronicReminder { PatientId = patientId, Kind = kind });
        row.AccountId = accountId;
        row.TimeOfDay = time.Value;
        row.Active = active;
        row.NextDueAt = NextDue(time.Value, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return row;
    }

    public static DateTimeOffset NextDue(TimeOnly time, DateTimeOffset after)
    {
        var at = ShanghaiTime.At(ShanghaiTime.Today(after), time);
        return at > after ? at : at.AddDays(1);
    }
}
