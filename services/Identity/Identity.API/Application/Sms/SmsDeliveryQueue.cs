using System.Threading.Channels;
using Identity.API.Infrastructure.Sms;
using Platform.Security.Logging;
using Platform.Security.Masking;

namespace Identity.API.Application.Sms;

public sealed record SmsDelivery(string Phone, string Template, IReadOnlyDictionary<string, string> Parameters);

/// <summary>Messages leave after the request has answered, so a request for a registered number takes as long as one
/// for an unknown number (which gets no message) and the gateway's latency never shows.</summary>
public sealed class SmsDeliveryQueue
{
    private readonly Channel<SmsDelivery> _channel = Channel.CreateBounded<SmsDelivery>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });

    public void Enqueue(SmsDelivery delivery) => _channel.Writer.TryWrite(delivery);

    public IAsyncEnumerable<SmsDelivery> ReadAllAsync(CancellationToken ct) => _channel.Reader.ReadAllAsync(ct);
}

internal sealed class SmsDeliveryWorker(SmsDeliveryQueue queue, ISmsSender sender, ILogger<SmsDeliveryWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var delivery in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                await sender.SendAsync(delivery.Phone, delivery.Template, delivery.Parameters, stoppingToken);
                logger.LogInformation("SMS {Template} sent to {Phone}", delivery.Template, Mask.Phone(delivery.Phone));
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The user asks again after the resend interval; the code row already counts against the limits.
                logger.LogWarning("SMS {Template} to {Phone} failed: {Error}", delivery.Template, Mask.Phone(delivery.Phone),
                    LogRedactor.Redact(e.Message));
            }
        }
    }
}
