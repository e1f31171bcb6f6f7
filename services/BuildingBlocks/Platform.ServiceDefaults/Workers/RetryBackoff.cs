namespace Platform.ServiceDefaults.Workers;

/// <summary>The one retry schedule of the platform's workers: exponential from <see cref="Base"/>, capped at
/// <see cref="Max"/>, with jitter so rows that failed together (a provider outage) do not all come back together.</summary>
public sealed record RetryBackoff(TimeSpan Base, TimeSpan Max)
{
    /// <summary>The wait after the <paramref name="attempt"/>-th failed attempt (1 for the first): half of the
    /// exponential step for sure, the other half at random, never more than <see cref="Max"/>.</summary>
    public TimeSpan After(int attempt)
    {
        var exponent = Math.Clamp(attempt - 1, 0, 30);
        var step = Math.Min(Base.Ticks * Math.Pow(2, exponent), Max.Ticks);
        var jittered = step / 2 + Random.Shared.NextDouble() * step / 2;
        return TimeSpan.FromTicks((long)jittered);
    }
}
