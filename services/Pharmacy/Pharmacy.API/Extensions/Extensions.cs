using Pharmacy.API.Application;
using Pharmacy.API.Consumers;
using Pharmacy.API.Infrastructure;
using Pharmacy.API.Infrastructure.Seed;
using Platform.Messaging;
using Platform.Persistence;
using Platform.Security;
using Platform.ServiceDefaults.Http;

namespace Pharmacy.API.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this WebApplicationBuilder builder)
    {
        builder.AddPlatformDbContext<PharmacyDbContext>("pharmacydb");
        builder.Services.AddFieldEncryption(builder.Configuration);
        builder.Services.AddScoped<DeliveryContacts>();
        builder.Services.AddSeeder<PharmacyDbContext, DrugKnowledgeSeeder>();
        builder.Services.AddSeeder<PharmacyDbContext, ClearContactSealer>();
        builder.Services.Configure<PharmacyOptions>(builder.Configuration.GetSection(PharmacyOptions.Section));
        builder.Services.AddScoped<Access>();
        builder.Services.AddScoped<MedicationSafety>();
        builder.Services.AddScoped<MedicationViews>();
        builder.Services.AddScoped<DoseSchedules>();
        builder.Services.AddScoped<Deliveries>();
        builder.Services.AddScoped<CourierCallbacks>();
        builder.Services.AddSingleton<DoseReminderSignal>();
        builder.Services.AddHostedService<DoseReminderWorker>();
        builder.Services.AddSingleton<WaybillSignal>();
        builder.Services.AddHostedService<WaybillWorker>();
        builder.Services.AddSingleton<UnpaidDeliverySignal>();
        builder.Services.AddHostedService<UnpaidDeliveryWorker>();
        var courier = builder.Configuration.GetSection(PharmacyOptions.Section).Get<PharmacyOptions>()?.Courier ?? new CourierOptions();
        builder.Services.AddHttpClient<CourierClient>(c => c.BaseAddress = new Uri(courier.BaseUrl.TrimEnd('/') + "/"))
            .AddPlatformResilience(o => o.WithTimeouts(TimeSpan.FromSeconds(10)), idempotent: true);
        builder.AddPlatformMessaging<PharmacyDbContext>("pharmacy", bus =>
        {
            bus.AddConsumer<HisMedicationsSyncedConsumer>();
            bus.AddConsumer<PaymentSucceededConsumer>();
            bus.AddConsumer<EPrescriptionReleasedConsumer>();
        });
    }
}
