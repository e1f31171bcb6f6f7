namespace Convenience.API.Domain;

/// <summary>One home measurement: blood pressure (systolic/diastolic mmHg), glucose (mmol/L) or weight (kg).</summary>
public sealed class ChronicReading
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PatientId { get; set; }
    public Guid RecordedBy { get; set; }
    public required string Kind { get; set; }
    public int? Systolic { get; set; }
    public int? Diastolic { get; set; }
    public decimal? Value { get; set; }
    /// <summary>For glucose: fasting or after-meal (the thresholds differ in practice; staff set one range).</summary>
    public string? Context { get; set; }
    /// <summary>manual or imported (from a device file).</summary>
    public string Source { get; set; } = "manual";
    public DateTimeOffset MeasuredAt { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public bool OutOfRange { get; set; }
    public string? AlertText { get; set; }
}

/// <summary>The care team's range for one patient and one kind of reading; null bounds are not checked.</summary>
public sealed class ChronicThreshold
{
    public Guid PatientId { get; set; }
    public required string Kind { get; set; }
    public decimal? Low { get; set; }
    public decimal? High { get; set; }
    /// <summary>Blood pressure only: the diastolic range (Low/High hold the systolic one).</summary>
    public decimal? DiastolicLow { get; set; }
    public decimal? DiastolicHigh { get; set; }
    public required string SetBy { get; set; }
    public DateTimeOffset SetAt { get; set; }
}

/// <summary>An out-of-range reading waiting for the care team: acknowledged with what they did.</summary>
public sealed class ChronicAlert
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ReadingId { get; set; }
    public Guid PatientId { get; set; }
    public required string Kind { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset RaisedAt { get; set; }
    public string? AcknowledgedBy { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public string? Note { get; set; }
}

/// <summary>A daily reminder to measure at a time of day (Asia/Shanghai).</summary>
public sealed class ChronicReminder
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PatientId { get; set; }
    public Guid AccountId { get; set; }
    public required string Kind { get; set; }
    public TimeOnly TimeOfDay { get; set; }
    public bool Active { get; set; } = true;
    /// <summary>The next time it is due (UTC): the worker claims due rows and moves this a day on.</summary>
    public DateTimeOffset NextDueAt { get; set; }
}

public static class ReadingKinds
{
    public const string BloodPressure = "blood-pressure";
    public const string Glucose = "glucose";
    public const string Weight = "weight";

    public static readonly string[] All = [BloodPressure, Glucose, Weight];

    public static string TextOf(string kind) => kind switch
    {
        BloodPressure => "血压", Glucose => "血糖", Weight => "体重", _ => kind,
    };

    public static string UnitOf(string kind) => kind switch
    {
        BloodPressure => "mmHg", Glucose => "mmol/L", Weight => "kg", _ => "",
    };
}
