using FollowUp.API.Application;
using FollowUp.API.Consumers;
using FollowUp.API.Infrastructure;
using Platform.Messaging;
using Platform.Messaging.PatientLinks;
using Platform.Persistence;
using Platform.Security;
using Platform.ServiceDefaults.Http;
using Platform.ServiceDefaults.Patients;
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
        builder.Services.AddScoped<StaffScope>();
        builder.Services.AddScoped<Complaints>();
        builder.Services.AddScoped<Surveys>();
        builder.Services.AddScoped<Plans>();
        builder.Services.AddScoped<Targeting>();
        // The HIS adapter's scoped read of diagnoses, behind this service's client-credentials token from Identity.
        builder.AddPatientDirectory();
        builder.Services.AddHttpClient<HisConditions>(c =>
                c.BaseAddress = new Uri((builder.Configuration["Endpoints:his"] ?? "http://127.0.0.1:5113").TrimEnd('/') + "/"))
            .AddHttpMessageHandler<ServiceTokenHandler>()
            .AddPlatformResilience(o => o.WithTimeouts(TimeSpan.FromSeconds(10)), idempotent: true);
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
