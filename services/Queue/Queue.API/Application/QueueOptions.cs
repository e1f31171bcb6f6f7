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
}
