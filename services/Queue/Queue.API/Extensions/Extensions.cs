using Platform.Messaging.PatientLinks;
using Platform.Messaging;
using Platform.Persistence;
using Platform.ServiceDefaults.Http;
using Queue.API.Application;
using Queue.API.Application.Itinerary;
using Queue.API.Consumers;
using Queue.API.Infrastructure;

namespace Queue.API.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this WebApplicationBuilder builder)
    {
        builder.AddPlatformDbContext<QueueDbContext>("queuedb");
        builder.Services.Configure<QueueOptions>(builder.Configuration.GetSection(QueueOptions.Section));
        builder.Services.AddSingleton<CheckInCodes>();
        builder.Services.AddScoped<QueueLines>();
        builder.Services.AddScoped<QueueNews>();
        builder.Services.AddScoped<WaitEstimates>();
        builder.Services.AddScoped<QueueViews>();
        builder.Services.AddScoped<CheckIn>();
        builder.Services.AddScoped<QueueDesk>();
        builder.Services.AddScoped<PublicBoard>();
        builder.Services.AddSingleton<HealthCardCodes>();
        builder.Services.AddScoped<KioskCheckIn>();
        builder.Services.AddScoped<PickupTickets>();
        builder.Services.AddSingleton<ExamPreparationSignal>();
        builder.Services.AddHostedService<ExamPreparationWorker>();
        builder.Services.AddMemoryCache();
        builder.Services.AddHttpClient<SchedulingCatalogue>(c =>
                c.BaseAddress = new Uri((builder.Configuration["Endpoints:scheduling"] ?? "http://127.0.0.1:5103").TrimEnd('/') + "/"))
            .AddPlatformResilience(o => o.WithTimeouts(TimeSpan.FromSeconds(5)), idempotent: true);
        builder.Services.AddScoped<ItineraryPlaces>();
        builder.Services.AddScoped<DayItinerary>();
        builder.Services.AddHttpClient<IPlaceDirectory, HospitalPlaces>(c =>
                c.BaseAddress = new Uri((builder.Configuration["Endpoints:hospital"] ?? "http://127.0.0.1:5102").TrimEnd('/') + "/"))
            .AddPlatformResilience(o => o.WithTimeouts(TimeSpan.FromSeconds(3)), idempotent: true);
        builder.AddPlatformMessaging<QueueDbContext>("queue", bus =>
        {
            bus.AddConsumer<AppointmentBookedConsumer>();
            bus.AddConsumer<AppointmentCancelledConsumer>();
            bus.AddConsumer<ExamBookedConsumer>();
            bus.AddConsumer<ExamCancelledConsumer>();
            bus.AddConsumer<MedicineReadyConsumer>();
            bus.AddConsumer<MedicationsDispensedConsumer>();
            bus.AddConsumer<PaymentSucceededConsumer>();
            bus.AddPatientLinkConsumers<QueueDbContext>("queue");
        });
    }
}
