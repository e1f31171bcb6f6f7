using Platform.Messaging;
using Platform.Persistence;
using Queue.API.Application;
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
        builder.AddPlatformMessaging<QueueDbContext>("queue", bus =>
        {
            bus.AddConsumer<AppointmentBookedConsumer>();
            bus.AddConsumer<AppointmentCancelledConsumer>();
            bus.AddConsumer<PatientRegisteredConsumer>();
            bus.AddConsumer<PatientRemovedConsumer>();
            bus.AddConsumer<AccountClosedConsumer>();
        });
    }
}
