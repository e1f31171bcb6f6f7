namespace Platform.Testing;

/// <summary>Waits for an asynchronous outcome (a message crossing the broker) without fixed sleeps.</summary>
public static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? timeout = null, string? what = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        T last;
        while (true)
        {
            last = await probe();
            if (done(last)) return last;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{what ?? "condition"} not reached in time; last value: {last}");
            await Task.Delay(200);
        }
    }
}
