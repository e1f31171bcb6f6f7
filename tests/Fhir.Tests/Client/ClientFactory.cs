using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Fhir;
using Platform.Fhir.Client;
using Platform.Fhir.Validation;

namespace Fhir.Tests.Client;

/// <summary>Firely's FhirClient as the platform wires it (AddFhirClient), pointed at a fake server.</summary>
internal static class ClientFactory
{
    public static ServiceProvider Services(FakeFhirServer server, Action<FhirClientOptions>? adjust = null, TimeProvider? time = null,
        FhirResourceValidator? validator = null, ListLoggerProvider? logs = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => { if (logs is not null) b.AddProvider(logs); });
        if (time is not null) services.AddSingleton(time);
        if (validator is not null) services.AddSingleton(validator);
        services.AddFhirClient(o =>
        {
            o.BaseAddress = server.FhirBase;
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
            o.AttemptTimeout = TimeSpan.FromSeconds(10);
            adjust?.Invoke(o);
        });
        return services.BuildServiceProvider();
    }
}

/// <summary>A clock the test moves by hand, to see a cached token expire without waiting an hour.</summary>
internal sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}

/// <summary>Every formatted log line, to check what a log would reveal.</summary>
internal sealed class ListLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(Lines);

    public void Dispose() { }

    private sealed class Logger(ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(formatter(state, exception));
    }
}
