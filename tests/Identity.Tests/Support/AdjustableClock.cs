namespace Identity.Tests.Support;

/// <summary>System time plus an offset the test moves forward, so expiry can be tested without waiting.</summary>
public sealed class AdjustableClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;

    public void Advance(TimeSpan by) => Offset += by;
}
