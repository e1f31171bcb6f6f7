using MassTransit;
using Microsoft.Extensions.Logging;
using Platform.ServiceDefaults.Correlation;

namespace Platform.Messaging;

public static class CorrelationHeader
{
    public const string Name = "X-Correlation-Id";
}

/// <summary>Restores the correlation id of the request that raised a message, for the consumer's logs and for
/// whatever the consumer publishes in turn.</summary>
public sealed class CorrelationConsumeFilter<T>(ILogger<CorrelationConsumeFilter<T>> logger) : IFilter<ConsumeContext<T>>
    where T : class
{
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        var id = context.Headers.Get<string>(CorrelationHeader.Name);
        if (!CorrelationId.IsAcceptable(id)) id = context.MessageId?.ToString("N") ?? Guid.CreateVersion7().ToString("N");
        using (CorrelationId.Begin(id!))
        using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = id!, ["MessageId"] = context.MessageId ?? Guid.Empty }))
        {
            await next.Send(context);
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("correlation");
}
