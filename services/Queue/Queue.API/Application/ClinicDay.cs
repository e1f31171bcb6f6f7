namespace Queue.API.Application;

/// <summary>Clinic days are Beijing days, whatever the server's zone.</summary>
public static class ClinicDay
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public static DateOnly Of(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(Beijing).DateTime);

    public static DateTimeOffset StartOf(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Beijing).ToUniversalTime();
}
