using Microsoft.AspNetCore.SignalR;
using Notification.API.Consumers;
using Notification.API.Hubs;
using Notification.API.Infrastructure;
using Platform.Messaging;
using Platform.Persistence;

namespace Notification.API.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this WebApplicationBuilder builder)
    {
        builder.AddPlatformDbContext<NotificationDbContext>("notificationdb", MessagingSetup.Migrations);
        builder.Services.AddSignalR();
        builder.Services.AddSingleton<IUserIdProvider, SubjectUserIdProvider>();
        builder.AddPlatformMessaging<NotificationDbContext>("notification", bus =>
        {
            bus.AddConsumer<DepartmentChangedConsumer>();
            // Each replica holds its own WebSocket connections, so each binds its own short-lived queue to the
            // push exchange and delivers to the clients it holds.
            bus.AddConsumer<PushRequestedConsumer>().Endpoint(e =>
            {
                e.Temporary = true;
                e.InstanceId = $"{Environment.MachineName}-{Environment.ProcessId}".ToLowerInvariant();
            });
        });
    }
}
