using Notification.API.Domain;

namespace Notification.Tests;

public sealed class QuietHoursTests
{
    private static DateTimeOffset China(int hour, int minute = 0) =>
        new DateTimeOffset(2026, 3, 10, hour, minute, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    private static NotificationPreferences Quiet(string start, string end) => new()
    {
        AccountId = Guid.NewGuid(), QuietStart = TimeOnly.Parse(start), QuietEnd = TimeOnly.Parse(end),
    };

    [Theory]
    [InlineData("22:00", "07:00", 23, true)]
    [InlineData("22:00", "07:00", 3, true)]
    [InlineData("22:00", "07:00", 7, false)]
    [InlineData("22:00", "07:00", 12, false)]
    [InlineData("12:00", "14:00", 13, true)]
    [InlineData("12:00", "14:00", 14, false)]
    public void Quiet_hours_are_read_in_china_time_and_may_cross_midnight(string start, string end, int hour, bool quiet) =>
        Assert.Equal(quiet, Quiet(start, end).IsQuietAt(China(hour)));

    [Fact]
    public void A_delivery_held_at_night_is_released_when_the_quiet_period_ends()
    {
        var preferences = Quiet("22:00", "07:00");
        Assert.Equal(China(7).AddDays(1), preferences.ReleaseTime(China(23, 30)));
        Assert.Equal(China(7), preferences.ReleaseTime(China(2)));
        Assert.Equal(China(9), preferences.ReleaseTime(China(9)));
        Assert.Equal(China(23), new NotificationPreferences().ReleaseTime(China(23)));
    }
}
