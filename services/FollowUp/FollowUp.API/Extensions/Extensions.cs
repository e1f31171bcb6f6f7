using FollowUp.API.Application;
using FollowUp.API.Consumers;
using FollowUp.API.Infrastructure;
using Platform.Messaging;
using Platform.Messaging.PatientLinks;
using Platform.Persistence;
using Platform.Security;
using Platform.ServiceDefaults.Sms;

namespace FollowUp.API.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this WebApplicationBuilder builder)
    {
        builder.AddPlatformDbContext<FollowUpDbContext>("followupdb");
        builder.Services.AddFieldEncryption(builder.Configuration);
        builder.Services.AddPlatformSmsSender(builder.Configuration);
        builder.Services.Configure<FollowUpOptions>(builder.Configuration.GetSection(FollowUpOptions.Section));
        builder.Services.AddScoped<PatientAccess>();
        builder.Services.AddScoped<StaffAlerts>();
        builder.Services.AddScoped<Complaints>();
        builder.Services.AddScoped<Surveys>();
        builder.Services.AddScoped<Plans>();
        builder.Services.AddScoped<Targeting>();
        builder.Services.AddSingleton<FollowUpSignal>();
        builder.Services.AddHostedService<FollowUpWorker>();
        builder.Services.AddSingleton<StaffSmsSignal>();
        builder.Services.AddHostedService<StaffSmsWorker>();
        builder.AddPlatformMessaging<FollowUpDbContext>("followup", bus =>
        {
            bus.AddConsumer<QueueCalledConsumer>();
            bus.AddConsumer<PatientDischargedConsumer>();
            bus.AddConsumer<ReportReadyConsumer>();
            bus.AddPatientLinkConsumers<FollowUpDbContext>("followup");
        });
    }
}
