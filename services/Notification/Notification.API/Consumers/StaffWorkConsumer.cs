using System.Text.Json;
using MassTransit;
using Notification.API.Application;
using Notification.API.Hubs;
using Notification.API.Infrastructure;
using Platform.Contracts.Staff;
using Platform.Messaging.Inbox;
using Platform.Messaging.Outbox;

namespace Notification.API.Consumers;

/// <summary>A staff work list changed: every open staff console hears the area and the item id and re-reads its list.</summary>
public sealed class StaffWorkChangedConsumer(NotificationDbContext db, IIntegrationEventOutbox outbox)
    : IdempotentConsumer<StaffWorkChangedIntegrationEvent, NotificationDbContext>(db)
{
    protected override Task HandleAsync(StaffWorkChangedIntegrationEvent e, ConsumeContext<StaffWorkChangedIntegrationEvent> context)
    {
        outbox.Add(new PushRequested(Guid.CreateVersion7(), NotificationsHub.StaffGroup, HubMethods.StaffWorkChanged,
            JsonSerializer.SerializeToElement(new { area = e.Area, itemId = e.ItemId }, JsonSerializerOptions.Web)));
        return Task.CompletedTask;
    }
}
