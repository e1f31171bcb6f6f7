using System.Collections.Concurrent;
using System.Diagnostics;

namespace Platform.Testing;

/// <summary>Sees each message that a consumer of an in-process service has finished with (MassTransit's consume
/// activity, with the message id and consumer type), so a test can wait until every copy of a message was handled
/// before it asserts that only one copy acted — instead of sleeping and hoping the copies have arrived by then.</summary>
public sealed class ConsumeWatch : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<(string? MessageId, string Consumer)> _finished = new();
    private int _inFlight;

    public ConsumeWatch()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "MassTransit",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStarted = activity =>
            {
                if (IsConsume(activity)) Interlocked.Increment(ref _inFlight);
            },
            ActivityStopped = activity =>
            {
                if (IsConsume(activity)) Interlocked.Decrement(ref _inFlight);
                // A consumer's "process" activity names the consumer; its parent, the "receive", names the message.
                if (activity.GetTagItem("messaging.masstransit.consumer_type") is string consumer)
                    _finished.Enqueue((MessageIdOf(activity), consumer));
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    private static bool IsConsume(Activity activity) => activity.OperationName.EndsWith(" process", StringComparison.Ordinal);

    /// <summary>Messages that a consumer in this process has started and not finished.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    private static string? MessageIdOf(Activity? activity)
    {
        for (; activity is not null; activity = activity.Parent)
            if (activity.GetTagItem("messaging.message.id") is { } id) return id.ToString();
        return null;
    }

    /// <summary>Copies of message <paramref name="messageId"/> that a consumer whose type name contains
    /// <paramref name="consumer"/> has finished with (acted on or skipped as a duplicate).</summary>
    public int Finished(Guid messageId, string consumer) => _finished.Count(f =>
        f.MessageId == messageId.ToString() && f.Consumer.Contains(consumer, StringComparison.Ordinal));

    public Task<int> UntilFinishedAsync(Guid messageId, string consumer, int copies, TimeSpan? timeout = null) =>
        Eventually.Until(() => Task.FromResult(Finished(messageId, consumer)), n => n >= copies, timeout,
            $"{copies} copies of {messageId} finished by {consumer}");

    public void Dispose() => _listener.Dispose();
}
