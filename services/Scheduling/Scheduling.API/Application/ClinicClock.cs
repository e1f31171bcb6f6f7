using Microsoft.Extensions.Options;

namespace Scheduling.API.Application;

/// <summary>Hospital time (Asia/Shanghai, no daylight saving) and the daily release: day d+N opens at the release time
/// of day d.</summary>
public sealed class ClinicClock(TimeProvider clock, IOptions<SchedulingOptions> options)
{
    public static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    public DateTimeOffset Now => clock.GetUtcNow();

    public DateOnly Today => DateOnly.FromDateTime(Now.ToOffset(Shanghai).DateTime);

    public static DateOnly LocalDate(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(Shanghai).DateTime);

    public static DateTimeOffset At(DateOnly date, TimeOnly time) => new DateTimeOffset(date.ToDateTime(time), Shanghai).ToUniversalTime();

    public DateTimeOffset ReleasesAt(DateOnly date) => At(date.AddDays(-options.Value.ReleaseDaysAhead), options.Value.ReleaseTime);

    public bool IsReleased(DateOnly date) => Now >= ReleasesAt(date);
}
