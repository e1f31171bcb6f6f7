namespace Platform.Testing;

/// <summary>System time plus an offset the test moves forward, so expiry can be tested without waiting.</summary>
public sealed class AdjustableClock : TimeProvider
{
    private DateTimeOffset? frozenAt;

    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => (frozenAt ?? base.GetUtcNow()) + Offset;

    public void Advance(TimeSpan by) => Offset += by;

    /// <summary>Moves the clock to <paramref name="time"/> on today's date in Beijing, so tests of "today's clinic" mean
    /// the same at 23:00 as at 10:00.</summary>
    public void SetBeijingTimeToday(TimeOnly time)
    {
        var beijing = TimeSpan.FromHours(8);
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(beijing).DateTime);
        Offset = new DateTimeOffset(today.ToDateTime(time), beijing) - DateTimeOffset.UtcNow;
    }

    /// <summary>Stops the clock until disposed, so a window of a second cannot lapse on a slow machine.</summary>
    public IDisposable Freeze()
    {
        frozenAt = base.GetUtcNow();
        return new Thaw(this);
    }

    private sealed class Thaw(AdjustableClock clock) : IDisposable
    {
        public void Dispose() => clock.frozenAt = null;
    }
}
