namespace Queue.API.Application;

public sealed class QueueOptions
{
    public const string Section = "Queue";

    /// <summary>HMAC key of the clinic QR codes; the admin and doctor pages display codes this service signed.</summary>
    public string CheckInCodeKey { get; set; } = "";
    public TimeSpan CheckInCodeLifetime { get; set; } = TimeSpan.FromMinutes(5);
    public TimeSpan CheckInOpensBefore { get; set; } = TimeSpan.FromHours(1);
    public TimeSpan CheckInClosesAfter { get; set; } = TimeSpan.FromMinutes(30);
    /// <summary>How many places a skipped (过号) patient goes back.</summary>
    public int SkipPlaces { get; set; } = 3;
    /// <summary>The pace assumed before today's calls show the real one.</summary>
    public double DefaultMinutesPerPatient { get; set; } = 8;
    /// <summary>HMAC key of the patients' electronic health card codes (X15); never the check-in key, so one kind of code
    /// cannot pass for the other.</summary>
    public string HealthCardKey { get; set; } = "";
    /// <summary>A health card code works this long; the page refreshes it before then.</summary>
    public TimeSpan HealthCardLifetime { get; set; } = TimeSpan.FromMinutes(2);
    /// <summary>The pick-up window when the HIS reports a dispensed prescription without naming one.</summary>
    public string PharmacyWindow { get; set; } = "门诊药房取药窗口";
    /// <summary>How long before an exam its preparation notes are pushed (the evening before a morning fasting test).</summary>
    public TimeSpan ExamPreparationLead { get; set; } = TimeSpan.FromHours(14);
    public TimeSpan ExamPreparationInterval { get; set; } = TimeSpan.FromMinutes(1);
}
