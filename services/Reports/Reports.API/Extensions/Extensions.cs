using Platform.Messaging;
using Platform.Messaging.PatientLinks;
using Platform.Persistence;
using Platform.ServiceDefaults.Auth;
using Reports.API.Apis;
using Platform.ServiceDefaults.Http;
using Platform.ServiceDefaults.Patients;
using Reports.API.Application;
using Reports.API.Consumers;
using Reports.API.Infrastructure;

namespace Reports.API.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this WebApplicationBuilder builder)
    {
        builder.AddPlatformDbContext<ReportsDbContext>("reportsdb");
        builder.Services.AddSeeder<ReportsDbContext, KnowledgeSeeder>();
        builder.Services.Configure<ReportsOptions>(builder.Configuration.GetSection(ReportsOptions.Section));
        // The HIS adapter's scoped reads, behind this service's client-credentials token from Identity.
        builder.AddPatientDirectory();
        builder.Services.AddHttpClient<HisRecords>(c =>
                c.BaseAddress = new Uri((builder.Configuration["Endpoints:his"] ?? "http://127.0.0.1:5113").TrimEnd('/') + "/"))
            .AddHttpMessageHandler<ServiceTokenHandler>()
            .AddPlatformResilience(o => o.WithTimeouts(TimeSpan.FromSeconds(10)), idempotent: true);
        builder.Services.AddAuthorizationBuilder().AddPolicy(RecordsApi.Readers,
            p => p.RequireRole(PlatformRoles.Patient, PlatformRoles.Doctor, PlatformRoles.Staff));
        builder.Services.AddScoped<RecordCache>();
        builder.Services.AddScoped<AccessAudit>();
        builder.Services.AddScoped<RecordAccess>();
        builder.Services.AddScoped<Explanations>();
        builder.Services.AddScoped<ReportViews>();
        builder.Services.AddScoped<Shares>();
        builder.AddPlatformMessaging<ReportsDbContext>("reports", bus =>
        {
            bus.AddConsumer<ReportReadyConsumer>();
            bus.AddConsumer<ConsultationPaidConsumer>();
            bus.AddConsumer<ConsultationEndedConsumer>();
            bus.AddPatientLinkConsumers<ReportsDbContext>("reports");
        });
    }
}
