using MassTransit;
using Microsoft.AspNetCore.SignalR;
using Notification.API.Application;
using Notification.API.Application.Channels;
using Notification.API.Application.Sms;
using Notification.API.Consumers;
using Notification.API.Hubs;
using Notification.API.Infrastructure;
using Platform.Messaging;
using Platform.Persistence;
using Platform.Security;
using Platform.ServiceDefaults.Http;
using Platform.ServiceDefaults.Patients;

namespace Notification.API.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this WebApplicationBuilder builder)
    {
        builder.AddPlatformDbContext<NotificationDbContext>("notificationdb");
        builder.Services.AddSeeder<NotificationDbContext, LegacyOpenIds>();
        builder.Services.AddPlatformSecurity(builder.Configuration);
        builder.Services.AddWeChatUserIds(builder.Configuration);
        builder.Services.AddSignalR();
        builder.Services.AddSingleton<IUserIdProvider, SubjectUserIdProvider>();
        builder.Services.Configure<NotificationOptions>(builder.Configuration.GetSection("Notification"));
        builder.Services.AddScoped<MessageDispatcher>();
        builder.Services.AddScoped<SmsChannel>();
        builder.Services.AddScoped<WeChatChannel>();
        builder.Services.AddHostedService<DeliveryWorker>();
        builder.AddSmsSender();
        builder.AddPatientDirectory();
        builder.AddPlatformMessaging<NotificationDbContext>("notification", bus =>
        {
            bus.AddConsumers(IsQueueConsumer, typeof(Extensions).Assembly);
            // Each replica holds its own WebSocket connections, so each binds its own short-lived queue to the
            // push exchange and delivers to the clients it holds.
            bus.AddConsumer<PushRequestedConsumer>().Endpoint(e =>
            {
                e.Temporary = true;
                e.InstanceId = $"{Environment.MachineName}-{Environment.ProcessId}".ToLowerInvariant();
            });
        });
    }

    private static bool IsQueueConsumer(Type type) => type != typeof(PushRequestedConsumer) && !type.IsAbstract;

    private static void AddSmsSender(this WebApplicationBuilder builder)
    {
        var sms = builder.Configuration.GetSection("Sms").Get<SmsOptions>() ?? new SmsOptions();
        sms.BaseUrl ??= builder.Configuration["Endpoints:sms"];
        builder.Services.AddSingleton(sms);
        if (string.IsNullOrWhiteSpace(sms.BaseUrl))
        {
            // The rest of the service works without SMS; urgent SMS wait (and retry) until a provider is configured.
            builder.Services.AddSingleton<ISmsSender, UnconfiguredSmsSender>();
            return;
        }
        // A send is never repeated by the pipeline (it is a POST); the delivery worker retries with its own backoff.
        builder.Services.AddHttpClient<ISmsSender, HttpSmsSender>(http => http.BaseAddress = new Uri(sms.BaseUrl.TrimEnd('/') + "/"))
            .AddPlatformResilience(o => o.WithTimeouts(sms.Timeout));
    }
}
