using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;

namespace Platform.Messaging.Outbox;

internal sealed class IntegrationEventOutbox<TContext>(TContext db, TimeProvider clock) : IIntegrationEventOutbox where TContext : DbContext
{
    public void Add<TMessage>(TMessage message) where TMessage : class
    {
        var now = clock.GetUtcNow();
        // The request's (or the consumed message's) activity: the dispatcher publishes inside this trace.
        var activity = Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current : null;
        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            Id = message is IntegrationEvent e ? e.Id : Guid.CreateVersion7(),
            MessageType = MessageTypeName.Of(message.GetType()),
            Payload = JsonSerializer.Serialize(message, message.GetType(), OutboxJson.Options),
            CorrelationId = activity?.TraceId.ToHexString(),
            TraceParent = activity?.Id,
            CreatedAt = now,
            NextAttemptAt = now,
        });
    }
}

internal static class OutboxJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}

internal static class MessageTypeName
{
    /// <summary>"Namespace.Type, Assembly" without version, so a redeployed service still reads old rows.</summary>
    public static string Of(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    public static Type Resolve(string name) =>
        Type.GetType(name, throwOnError: false) ?? throw new InvalidOperationException($"Unknown outbox message type {name}");
}
