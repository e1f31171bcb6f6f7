using System.Text.Json;
using MassTransit;
using Notification.API.Application;
using Notification.API.Hubs;
using Notification.API.Infrastructure;
using Platform.Contracts.Hospital;
using Platform.Messaging.Inbox;
using Platform.Messaging.Outbox;

namespace Notification.API.Consumers;

/// <summary>A department's public details changed: tell every open app so lists on screen refresh.</summary>
public sealed class DepartmentChangedConsumer(NotificationDbContext db, IIntegrationEventOutbox outbox)
    : IdempotentConsumer<DepartmentChangedIntegrationEvent, NotificationDbContext>(db)
{
    protected override Task HandleAsync(DepartmentChangedIntegrationEvent e, ConsumeContext<DepartmentChangedIntegrationEvent> context)
    {
        var payload = JsonSerializer.SerializeToElement(new
        {
            kind = "department",
            id = e.DepartmentId,
            code = e.Code,
            name = e.Name,
            change = e.Kind.ToString().ToLowerInvariant(),
            changedAt = e.OccurredAt,
        }, JsonSerializerOptions.Web);
        outbox.Add(new PushRequested(e.Id, NotificationsHub.PublicGroup, "hospitalChanged", payload));
        return Task.CompletedTask;
    }
}
