using HisAdapter.API.Application;
using HisAdapter.API.Application.Commands;
using HisAdapter.API.Application.Pushes;
using HisAdapter.API.Application.Records;
using HisAdapter.API.Application.Sync;
using HisAdapter.API.Consumers;
using HisAdapter.API.Infrastructure;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Platform.Fhir;
using Platform.Fhir.Authentication;
using Platform.Messaging;
using Platform.Persistence;
using Platform.ServiceDefaults.Health;
using Platform.ServiceDefaults.Patients;

namespace HisAdapter.API.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this WebApplicationBuilder builder)
    {
        builder.AddPlatformDbContext<HisAdapterDbContext>("hisadapterdb");
        builder.AddPlatformMessaging<HisAdapterDbContext>("hisadapter", x =>
        {
            x.AddConsumer<PatientRegisteredConsumer>();
            x.AddConsumer<PatientUpdatedConsumer>();
            x.AddConsumer<HisAppointmentRequestedConsumer>();
            x.AddConsumer<HisAppointmentCancelRequestedConsumer>();
            x.AddConsumer<HisSessionStopRequestedConsumer>();
            x.AddConsumer<HisSlotsCloseRequestedConsumer>();
            x.AddConsumer<HisSlotsReopenRequestedConsumer>();
            x.AddConsumer<HisSessionAddRequestedConsumer>();
            x.AddConsumer<HisResyncRequestedConsumer>();
            x.AddConsumer<HisBillPaidConsumer>();
            x.AddConsumer<HisDepositPaidConsumer>();
            x.AddConsumer<ConsultationNoteConsumer>();
        });

        builder.AddPatientDirectory();

        var services = builder.Services;
        services.Configure<HisOptions>(builder.Configuration.GetSection(HisOptions.Section));
        services.AddFhirClient(o =>
        {
            var his = builder.Configuration.GetSection(HisOptions.Section).Get<HisOptions>() ?? new HisOptions();
            o.BaseAddress = his.BaseUrl;
            o.AttemptTimeout = TimeSpan.FromSeconds(15);
            o.Authentication = new SmartBackendOptions
            {
                TokenEndpoint = his.TokenUrl ?? new Uri(his.BaseUrl, "/auth/token"),
                ClientId = his.ClientId,
                ClientSecret = his.ClientSecret,
                Scope = "system/*.read system/*.write",
            };
            o.RequiredInteractions = new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                ["Patient"] = ["read", "create", "update", "search-type"],
                ["Slot"] = ["read", "update", "search-type"],
                ["Appointment"] = ["read", "create", "update", "search-type"],
                ["DiagnosticReport"] = ["read", "search-type"],
                ["ServiceRequest"] = ["read", "search-type"],
                ["Subscription"] = ["create"],
                ["PaymentNotice"] = ["create", "search-type"],
                ["PaymentReconciliation"] = ["create"],
            };
        });

        services.AddSingleton<HisReachability>();
        services.AddSingleton<SyncTrigger>();
        services.AddHealthChecks().Add(new HealthCheckRegistration("his",
            sp => new HisHealthCheck(sp.GetRequiredService<HisReachability>()), HealthStatus.Degraded, [HealthSetup.ReadyTag]));

        services.AddScoped<ReferenceDataSync>();
        services.AddScoped<ExamOrderSync>();
        services.AddScoped<MedicationSync>();
        services.AddScoped<SubscriptionRegistrar>();
        services.AddScoped<HisCommandQueue>();
        services.AddScoped<RegisterPatientHandler>();
        services.AddScoped<BookAppointmentHandler>();
        services.AddScoped<CancelAppointmentHandler>();
        services.AddScoped<CloseSlotsHandler>();
        services.AddScoped<AddSessionHandler>();
        services.AddScoped<RecordPaymentHandler>();
        services.AddScoped<RecordConsultationNoteHandler>();
        services.AddScoped<PushEventMapper>();
        services.AddScoped<PushReceiver>();
        services.AddScoped<PatientRecordReader>();
        services.AddHostedService<SyncWorker>();
        services.AddSingleton<HisCommandSignal>();
        services.AddHostedService<HisCommandWorker>();
    }
}
