using Platform.Messaging.PatientLinks;
using Platform.Messaging;
using Platform.Persistence;
using Platform.ServiceDefaults.Http;
using Triage.API.Application;
using Triage.API.Application.PreVisit;
using Triage.API.Consumers;
using Triage.API.Infrastructure;
using Triage.API.Infrastructure.Seed;

namespace Triage.API.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this WebApplicationBuilder builder)
    {
        builder.AddPlatformDbContext<TriageDbContext>("triagedb");
        builder.Services.Configure<TriageOptions>(builder.Configuration.GetSection(TriageOptions.Section));
        builder.Services.AddSeeder<TriageDbContext, KnowledgeBaseSeeder>();
        builder.Services.AddSingleton<KnowledgeCache>();
        // Loading jieba's dictionary takes a moment; one segmenter serves every request.
        builder.Services.AddSingleton<ComplaintReader>();
        builder.Services.AddHostedService<ComplaintReaderWarmup>();
        builder.Services.AddSingleton<TriageScorer>();
        builder.Services.AddScoped<Assessments>();
        builder.Services.AddScoped<CareAccess>();
        builder.Services.AddScoped<HealthProfiles>();
        builder.Services.AddScoped<Screenings>();
        builder.Services.AddScoped<PreConsultations>();

        var hospital = builder.Configuration[$"{TriageOptions.Section}:HospitalBaseUrl"] ?? builder.Configuration["Endpoints:hospital"] ?? "http://127.0.0.1:5102";
        builder.Services.AddHttpClient<HospitalDepartmentsClient>(c => c.BaseAddress = new Uri(hospital.TrimEnd('/') + "/"))
            .AddPlatformResilience(o => o.WithTimeouts(TimeSpan.FromSeconds(10)), idempotent: true);
        builder.Services.AddScoped<DepartmentSync>();
        builder.Services.AddSingleton<DepartmentSyncSignal>();
        builder.Services.AddHostedService<DepartmentSyncWorker>();

        builder.AddPlatformMessaging<TriageDbContext>("triage", bus =>
        {
            bus.AddConsumer<DepartmentChangedConsumer>();
            bus.AddConsumer<AppointmentBookedConsumer>();
            bus.AddConsumer<AppointmentCancelledConsumer>();
            bus.AddConsumer<ConsultationPaidConsumer>();
            bus.AddConsumer<ConsultationEndedConsumer>();
            bus.AddPatientLinkConsumers<TriageDbContext>("triage");
        });
    }
}
