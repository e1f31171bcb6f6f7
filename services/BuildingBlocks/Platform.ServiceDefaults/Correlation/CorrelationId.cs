namespace Platform.ServiceDefaults.Correlation;

/// <summary>The correlation id of the work in progress, flowing with the async context.</summary>
public static class CorrelationId
{
    private static readonly AsyncLocal<string?> CurrentValue = new();

    public static string? Current => CurrentValue.Value;

    public static IDisposable Begin(string id)
    {
        var previous = CurrentValue.Value;
        CurrentValue.Value = id;
        return new Restore(previous);
    }

    /// <summary>Only short, plain ids are carried on; anything else could be used to forge log lines.</summary>
    public static bool IsAcceptable(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= 64 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private sealed class Restore(string? previous) : IDisposable
    {
        public void Dispose() => CurrentValue.Value = previous;
    }
}
