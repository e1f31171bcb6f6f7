namespace Triage.API.Application;

/// <summary>Loads jieba's dictionaries before the service takes requests.</summary>
public sealed class ComplaintReaderWarmup(ComplaintReader reader) : IHostedService
{
    public Task StartAsync(CancellationToken ct)
    {
        reader.Warm();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
