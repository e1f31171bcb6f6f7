namespace Scheduling.API.Application;

public sealed class SchedulingOptions
{
    public const string Section = "Scheduling";

    /// <summary>Until Payment lands a HIS-confirmed booking is booked at once; Payment switches this off (待支付).</summary>
    public bool ConfirmWithoutPayment { get; set; } = true;
    public int HoldMinutes { get; set; } = 15;
    public TimeSpan HisSlowAfter { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan CancelCutoff { get; set; } = TimeSpan.FromHours(2);
    public TimeOnly ReleaseTime { get; set; } = new(7, 0);
    public int ReleaseDaysAhead { get; set; } = 7;
    public int DefaultSlotMinutes { get; set; } = 15;
    public Dictionary<string, int> DepartmentSlotMinutes { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>How often the hold-expiry worker looks for lapsed holds and slow HIS answers.</summary>
    public TimeSpan WorkerInterval { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>How often an empty catalogue asks the HIS adapter to publish again (HisCatalogueWatch).</summary>
    public TimeSpan ResyncInterval { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>How long a rebooking after 停诊 is held for the patient (X13).</summary>
    public TimeSpan OfferHold { get; set; } = TimeSpan.FromHours(2);
    /// <summary>How long a freed place is held for the first waitlisted patient before it passes on (X14).</summary>
    public TimeSpan WaitlistOfferHold { get; set; } = TimeSpan.FromMinutes(30);
    /// <summary>How far after the stopped window a rebooking is looked for.</summary>
    public int RebookingSearchDays { get; set; } = 7;
    /// <summary>How far after an exam cancelled by 设备故障 an equivalent window is looked for.</summary>
    public int ExamRebookingSearchDays { get; set; } = 3;
    /// <summary>Hospital time from which the next day's booked visits and exams are reminded (「就诊提醒」).</summary>
    public TimeOnly ReminderTime { get; set; } = new(18, 0);
    /// <summary>How often, from ReminderTime on, newly due reminders (e.g. an evening booking for tomorrow) are looked for.</summary>
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Policy allows 15 or 30 minutes; anything else configured falls back to the default.</summary>
    public int SlotMinutesFor(string departmentCode) =>
        DepartmentSlotMinutes.TryGetValue(departmentCode, out var m) && m is 15 or 30 ? m : DefaultSlotMinutes is 15 or 30 ? DefaultSlotMinutes : 15;
}
