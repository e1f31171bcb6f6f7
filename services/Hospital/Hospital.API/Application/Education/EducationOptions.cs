namespace Hospital.API.Application.Education;

/// <summary>Configuration section <c>Hospital:Education</c>.</summary>
public sealed class EducationOptions
{
    public const string Section = "Hospital:Education";

    /// <summary>An article not reviewed (re-published) for this many days is flagged stale to staff.</summary>
    public int ReviewIntervalDays { get; set; } = 365;

    public TimeSpan ReviewInterval => TimeSpan.FromDays(ReviewIntervalDays);
}
