using Platform.Messaging.PatientLinks;
using Platform.Messaging;
using Platform.Persistence;
using Scheduling.API.Application;
using Scheduling.API.Consumers;
using Scheduling.API.Infrastructure;

namespace Scheduling.API.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this WebApplicationBuilder builder)
    {
        builder.AddPlatformDbContext<SchedulingDbContext>("schedulingdb");
        builder.Services.Configure<SchedulingOptions>(builder.Configuration.GetSection(SchedulingOptions.Section));
        builder.Services.AddSingleton<ClinicClock>();
        builder.Services.AddSingleton<AppointmentViews>();
        builder.Services.AddScoped<Availability>();
        builder.Services.AddScoped<AppointmentNews>();
        builder.Services.AddScoped<AppointmentPayments>();
        builder.Services.AddScoped<IdempotencyKeys>();
        builder.Services.AddScoped<AppointmentBooking>();
        builder.Services.AddScoped<StaffActions>();
        builder.Services.AddScoped<SessionRequests>();
        builder.Services.AddScoped<ExamOutages>();
        builder.Services.AddScoped<ExamOffers>();
        builder.Services.AddScoped<ExamBooking>();
        builder.Services.AddSingleton<HoldExpirySignal>();
        builder.Services.AddHostedService<HoldExpiryWorker>();
        builder.Services.AddHostedService<HisCatalogueWatch>();
        builder.Services.AddScoped<SlotOffers>();
        builder.Services.AddScoped<Waitlists>();
        builder.Services.AddSingleton<OfferSignal>();
        builder.Services.AddHostedService<OfferWorker>();
        builder.Services.AddSingleton<ReminderSignal>();
        builder.Services.AddHostedService<ReminderWorker>();
        builder.AddPlatformMessaging<SchedulingDbContext>("scheduling", bus =>
        {
            bus.AddConsumer<HisDepartmentSyncedConsumer>();
            bus.AddConsumer<HisPractitionerSyncedConsumer>();
            bus.AddConsumer<HisScheduleSlotsSyncedConsumer>();
            bus.AddPatientLinkConsumers<SchedulingDbContext>("scheduling");
            bus.AddConsumer<AgreementsAccountClosedConsumer>();
            bus.AddConsumer<AgreementAcceptedConsumer>();
            bus.AddConsumer<HisAppointmentConfirmedConsumer>();
            bus.AddConsumer<HisAppointmentRejectedConsumer>();
            bus.AddConsumer<HisAppointmentCancelledConsumer>();
            bus.AddConsumer<HisExamScheduleSlotsSyncedConsumer>();
            bus.AddConsumer<HisExamOrderSyncedConsumer>();
            bus.AddConsumer<ClinicStoppedConsumer>();
            bus.AddConsumer<HisSessionAddedConsumer>();
            bus.AddConsumer<HisSessionAddRefusedConsumer>();
            bus.AddConsumer<PaymentSucceededConsumer>();
        });
    }
}
