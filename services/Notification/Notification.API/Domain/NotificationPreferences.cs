namespace Notification.API.Domain;

/// <summary>Which channels an account wants, and a daily quiet period (China Standard Time) during which WeChat and
/// SMS wait until it ends. Critical values ignore both.</summary>
public sealed class NotificationPreferences
{
    public static readonly TimeZoneInfo ChinaTime = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public Guid AccountId { get; init; }
    public bool InApp { get; set; } = true;
    public bool WeChat { get; set; } = true;
    public bool Sms { get; set; } = true;
    public TimeOnly? QuietStart { get; set; }
    public TimeOnly? QuietEnd { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public static NotificationPreferences DefaultsFor(Guid accountId, DateTimeOffset now) => new() { AccountId = accountId, UpdatedAt = now };

    public bool Allows(string channel) => channel switch
    {
        DeliveryChannel.InApp => InApp,
        DeliveryChannel.WeChat => WeChat,
        DeliveryChannel.Sms => Sms,
        _ => false,
    };

    public bool IsQuietAt(DateTimeOffset at)
    {
        if (QuietStart is not { } start || QuietEnd is not { } end || start == end) return false;
        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, ChinaTime).DateTime);
        return start < end ? local >= start && local < end : local >= start || local < end;
    }

    /// <summary>When a delivery held back at <paramref name="at"/> may go: the end of the quiet period, else at once.</summary>
    public DateTimeOffset ReleaseTime(DateTimeOffset at)
    {
        if (!IsQuietAt(at)) return at;
        var local = TimeZoneInfo.ConvertTime(at, ChinaTime);
        var end = QuietEnd!.Value;
        var release = new DateTimeOffset(local.Date + end.ToTimeSpan(), local.Offset);
        if (release <= local) release = release.AddDays(1);
        return release.ToUniversalTime();
    }
}
