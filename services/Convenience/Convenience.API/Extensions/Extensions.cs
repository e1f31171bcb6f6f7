using Convenience.API.Application;
using Convenience.API.Consumers;
using Convenience.API.Infrastructure;
using Convenience.API.Infrastructure.Seed;
using Platform.Messaging;
using Platform.Messaging.PatientLinks;
using Platform.Persistence;
using Platform.Security;

namespace Convenience.API.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this WebApplicationBuilder builder)
    {
        builder.AddPlatformDbContext<ConvenienceDbContext>("conveniencedb");
        builder.Services.AddSeeder<ConvenienceDbContext, CatalogueSeeder>();
        builder.Services.Configure<ConvenienceOptions>(builder.Configuration.GetSection(ConvenienceOptions.Section));
        builder.Services.AddFieldEncryption(builder.Configuration);
        builder.Services.AddSingleton<Contacts>();
        builder.Services.AddScoped<Access>();
        builder.Services.AddScoped<Capacity>();
        builder.Services.AddScoped<ServiceOrders>();
        builder.Services.AddScoped<HomeVisits>();
        builder.Services.AddScoped<ChronicCare>();
        builder.Services.AddSingleton<ChronicReminderSignal>();
        builder.Services.AddHostedService<ChronicReminderWorker>();
        builder.AddPlatformMessaging<ConvenienceDbContext>("convenience", bus =>
        {
            bus.AddPatientLinkConsumers<ConvenienceDbContext>("convenience");
            bus.AddConsumer<PaymentSucceededConsumer>();
            bus.AddConsumer<PaymentRefundedConsumer>();
            bus.AddConsumer<PaymentClosedConsumer>();
            bus.AddConsumer<PatientAdmittedConsumer>();
            bus.AddConsumer<BedChangedConsumer>();
            bus.AddConsumer<PatientDischargedConsumer>();
        });
    }
}
