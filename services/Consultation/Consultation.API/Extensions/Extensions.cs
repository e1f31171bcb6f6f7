using Consultation.API.Application;
using Consultation.API.Consumers;
using Consultation.API.Infrastructure;
using Platform.Messaging;
using Platform.Messaging.PatientLinks;
using Platform.Persistence;
using Platform.ServiceDefaults.Http;
using Platform.ServiceDefaults.Patients;

namespace Consultation.API.Extensions;

internal static class Extensions
{
    private const string DevelopmentMediaKey = "Y29uc3VsdGF0aW9uLW1lZGlhLWRldi1zaWduaW5nLWtleSEh";

    public static void AddApplicationServices(this WebApplicationBuilder builder)
    {
        builder.AddPlatformDbContext<ConsultationDbContext>("consultationdb");
        builder.Services.Configure<ConsultationOptions>(builder.Configuration.GetSection(ConsultationOptions.Section));
        var settings = builder.Configuration.GetSection(ConsultationOptions.Section).Get<ConsultationOptions>() ?? new ConsultationOptions();
        if (string.IsNullOrEmpty(settings.MediaSigningKey))
        {
            if (!builder.Environment.IsDevelopment() && !builder.Environment.IsEnvironment("Testing"))
                throw new InvalidOperationException("Consultation:MediaSigningKey is required outside Development/Testing");
            builder.Services.PostConfigure<ConsultationOptions>(o => o.MediaSigningKey = DevelopmentMediaKey);
        }
        // Identity's patient directory (birth date for the follow-up age rule) and the HIS adapter's reads, both behind
        // this service's client-credentials token.
        builder.AddPatientDirectory();
        builder.Services.AddHttpClient<HisRecords>(c =>
                c.BaseAddress = new Uri((builder.Configuration["Endpoints:his"] ?? "http://127.0.0.1:5113").TrimEnd('/') + "/"))
            .AddHttpMessageHandler<ServiceTokenHandler>()
            .AddPlatformResilience(o => o.WithTimeouts(TimeSpan.FromSeconds(10)), idempotent: true);
        builder.Services.AddSingleton<MediaUrls>();
        builder.Services.AddSingleton<Formulary>();
        builder.Services.AddScoped<IMediaStore, PostgresMediaStore>();
        builder.Services.AddScoped<Participants>();
        builder.Services.AddScoped<FollowUpEligibility>();
        builder.Services.AddScoped<Consultations>();
        builder.Services.AddScoped<Messages>();
        builder.Services.AddScoped<Doctors>();
        builder.Services.AddScoped<Prescriptions>();
        builder.Services.AddScoped<VideoCalls>();
        builder.Services.AddSingleton<ExpirySignal>();
        builder.Services.AddHostedService<ExpiryWorker>();
        builder.Services.AddHostedService<HisRosterWatch>();
        builder.AddPlatformMessaging<ConsultationDbContext>("consultation", bus =>
        {
            bus.AddConsumer<HisPractitionerSyncedConsumer>();
            bus.AddConsumer<HisDepartmentSyncedConsumer>();
            bus.AddConsumer<PaymentSucceededConsumer>();
            bus.AddPatientLinkConsumers<ConsultationDbContext>("consultation");
        });
    }
}
