namespace Platform.Testing;

/// <summary>System time plus an offset the test moves forward, so expiry can be tested without waiting.</summary>
public sealed class AdjustableClock : TimeProvider
{
    private DateTimeOffset? frozenAt;

    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => (frozenAt ?? base.GetUtcNow()) + Offset;

    public void Advance(TimeSpan by) => Offset += by;

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
