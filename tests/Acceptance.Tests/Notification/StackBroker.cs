using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Testing;

namespace Acceptance.Tests.Notification;

/// <summary>Publishes integration events on the running stack's broker (vhost "platform") the way MassTransit does:
/// its JSON envelope on the event type's fanout exchange. Uses the RabbitMQ HTTP API, which needs no AMQP client
/// in this project.</summary>
public static class StackBroker
{
    public static async Task PublishAsync(string contractNamespace, string typeName, Guid eventId, object message)
    {
        var exchange = $"{contractNamespace}:{typeName}";
        var broker = new Uri(TestEnvironment.StackAmqpUri);
        var vhost = Uri.UnescapeDataString(broker.AbsolutePath.TrimStart('/'));
        var envelope = new
        {
            messageId = eventId,
            conversationId = eventId,
            sourceAddress = $"rabbitmq://{broker.Host}/{vhost}/acceptance-tests",
            destinationAddress = $"rabbitmq://{broker.Host}/{vhost}/{exchange}",
            messageType = new[] { $"urn:message:{exchange}", "urn:message:Platform.Contracts:IntegrationEvent" },
            message,
            sentTime = DateTimeOffset.UtcNow,
            headers = new { },
        };
        using var http = new HttpClient { BaseAddress = new Uri(TestEnvironment.StackRabbitManagement) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TestEnvironment.RabbitUser}:{TestEnvironment.RabbitPassword}")));
        var response = await http.PostAsJsonAsync(
            $"/api/exchanges/{Uri.EscapeDataString(vhost)}/{Uri.EscapeDataString(exchange)}/publish", new
            {
                properties = new { content_type = "application/vnd.masstransit+json", message_id = eventId.ToString(), delivery_mode = 2 },
                routing_key = "",
                payload = JsonSerializer.Serialize(envelope, JsonSerializerOptions.Web),
                payload_encoding = "string",
            });
        response.EnsureSuccessStatusCode();
        var routed = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (!routed.GetProperty("routed").GetBoolean())
            throw new InvalidOperationException($"{exchange} has no queue bound: is Notification.API running with its consumers?");
    }
}
