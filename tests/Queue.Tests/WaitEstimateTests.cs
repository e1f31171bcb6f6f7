using Platform.Testing;
using Queue.API.Application;

namespace Queue.Tests;

/// <summary>The estimated wait follows how fast this clinic actually works today: the median gap between calls.</summary>
public sealed class WaitEstimateTests(QueueFixture fixture) : IClassFixture<QueueFixture>
{
    [Fact]
    public async Task Before_any_calls_the_default_pace_applies_then_the_median_of_todays_gaps()
    {
        var clinic = new Clinic(fixture);
        var patients = new List<BookedPatient>();
        for (var i = 0; i < 6; i++) patients.Add(await clinic.BookAsync(TimeSpan.FromMinutes(30 + i)));
        foreach (var p in patients) await p.CheckInAsync();

        // Default 8 minutes a patient: the sixth has five ahead.
        Assert.Equal(40, (await patients[5].MineAsync()).GetProperty("estimatedWaitMinutes").GetInt32());

        // Gaps of 4, 6 and 20 minutes: the median, 6, ignores the one long consultation.
        using var frozen = fixture.Clock.Freeze();
        await clinic.ActAsync("call-next");
        foreach (var gap in new[] { 4, 6, 20 })
        {
            fixture.Clock.Advance(TimeSpan.FromMinutes(gap));
            await clinic.ActAsync("call-next");
        }
        var sixth = await patients[5].MineAsync();
        Assert.Equal(1, sixth.GetProperty("peopleAhead").GetInt32());
        Assert.Equal(6, sixth.GetProperty("minutesPerPatient").GetDouble());
        Assert.Equal(6, sixth.GetProperty("estimatedWaitMinutes").GetInt32());
    }

    [Fact]
    public void Median_of_gaps()
    {
        var t0 = DateTimeOffset.UnixEpoch;
        Assert.Null(WaitEstimates.Median([t0]));
        Assert.Equal(5, WaitEstimates.Median([t0, t0.AddMinutes(4), t0.AddMinutes(10)]));
        Assert.Equal(6, WaitEstimates.Median([t0, t0.AddMinutes(4), t0.AddMinutes(10), t0.AddMinutes(30)]));
    }
}
