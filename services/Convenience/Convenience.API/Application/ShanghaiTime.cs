namespace Convenience.API.Application;

/// <summary>The hospital's clock: dates and time windows are Asia/Shanghai (UTC+8, no daylight saving).</summary>
public static class ShanghaiTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.ToOffset(Offset).DateTime);

    /// <summary>In UTC, as PostgreSQL's timestamptz (through Npgsql) takes only UTC offsets.</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time) => new DateTimeOffset(date.ToDateTime(time), Offset).ToUniversalTime();
}
