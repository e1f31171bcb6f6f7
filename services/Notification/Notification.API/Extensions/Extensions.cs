using MassTransit;
using Microsoft.AspNetCore.SignalR;
using Notification.API.Application;
using Notification.API.Application.Channels;
using Notification.API.Application.MiniProgram;
using Notification.API.Application.Sms;
using Notification.API.Consumers;
using Notification.API.Hubs;
using Notification.API.Infrastructure;
using Platform.Messaging;
using Platform.Persistence;
using Platform.Security;
using Platform.ServiceDefaults.Sms;
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
        builder.Services.AddOptions<MiniProgramOptions>().Bind(builder.Configuration.GetSection(MiniProgramOptions.Section))
            .Validate(o => o.Templates.Values.All(t => t.Kind is MiniProgramTemplateKind.OneTime or MiniProgramTemplateKind.LongTerm),
                "Notification:MiniProgram:Templates:*:Kind 只能是 one-time 或 long-term")
            .Validate(o => o.Templates.Values.SelectMany(t => t.Keywords.Keys).All(k => MiniProgramFields.SupportedTypes.Contains(MiniProgramFields.TypeOf(k))),
                "Notification:MiniProgram 模板关键词类型只支持 thing、time、date、phrase、character_string、name")
            .ValidateOnStart();
        builder.Services.AddScoped<MiniProgramGrants>();
        builder.Services.AddScoped<MiniProgramChannel>();
        builder.Services.AddScoped<MiniProgramRefusals>();
        builder.Services.AddSingleton<DeliverySignal>();
        builder.Services.AddHostedService<DeliveryWorker>();
        builder.Services.AddPlatformSmsSender(builder.Configuration);
        builder.Services.Configure<SmsNoticeOptions>(builder.Configuration.GetSection("Sms"));
        builder.AddPatientDirectory();
        builder.AddPlatformMessaging<NotificationDbContext>("notification", bus =>
        {
            bus.AddConsumers(IsQueueConsumer, typeof(Extensions).Assembly);
            // Each replica holds its own WebSocket connections, so each binds its own queue to the push exchange and
            // delivers to the clients it holds (PushRequestedConsumerDefinition: durable, so it outlives a broker restart).
            bus.AddConsumer<PushRequestedConsumer, PushRequestedConsumerDefinition>().Endpoint(e =>
                e.InstanceId = $"{Environment.MachineName}-{Environment.ProcessId}".ToLowerInvariant());
        });
    }

    private static bool IsQueueConsumer(Type type) =>
        type != typeof(PushRequestedConsumer) && type != typeof(PushRequestedConsumerDefinition) && !type.IsAbstract;
}
