using Platform.Messaging.PatientLinks;
using Payment.API.Application;
using Payment.API.Consumers;
using Payment.API.Infrastructure;
using Platform.Messaging;
using Platform.Persistence;
using Platform.ServiceDefaults.Http;
using Platform.ServiceDefaults.Patients;

namespace Payment.API.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this WebApplicationBuilder builder)
    {
        builder.AddPlatformDbContext<PaymentDbContext>("paymentdb");
        builder.Services.Configure<PaymentOptions>(builder.Configuration.GetSection(PaymentOptions.Section));
        builder.AddWeChatPay();
        // Identity's internal endpoints, behind this service's client-credentials token (the payer's openid).
        builder.AddPatientDirectory();
        builder.Services.AddHttpClient<PayerDirectory>(c => c.BaseAddress = PatientDirectorySetup.IdentityAddress(builder.Configuration))
            .AddHttpMessageHandler<ServiceTokenHandler>()
            .AddPlatformResilience(o => o.WithTimeouts(TimeSpan.FromSeconds(5)), idempotent: true);
        builder.Services.AddHttpClient<HisRecords>(c => c.BaseAddress = new Uri((builder.Configuration["Endpoints:his"] ?? "http://127.0.0.1:5113").TrimEnd('/') + "/"))
            .AddHttpMessageHandler<ServiceTokenHandler>()
            .AddPlatformResilience(o => o.WithTimeouts(TimeSpan.FromSeconds(10)), idempotent: true);
        builder.Services.AddScoped<Bills>();
        builder.Services.AddHttpClient<InsurancePlatform>().AddPlatformResilience(o => o.WithTimeouts(TimeSpan.FromSeconds(10)));
        builder.Services.AddScoped<InsuranceCheckout>();
        builder.Services.AddScoped<InsuranceSettlement>();
        builder.Services.AddSingleton<InsuranceSignal>();
        builder.Services.AddHostedService<InsuranceWorker>();
        builder.Services.AddHttpClient<EInvoicePlatform>().AddPlatformResilience(o => o.WithTimeouts(TimeSpan.FromSeconds(15)));
        builder.Services.AddSingleton<EInvoiceSignal>();
        builder.Services.AddHostedService<EInvoiceWorker>();
        builder.Services.AddScoped<PaymentNews>();
        builder.Services.AddScoped<PaymentSettlement>();
        builder.Services.AddScoped<RefundSettlement>();
        builder.Services.AddScoped<OrderChanges>();
        builder.Services.AddScoped<Checkout>();
        builder.Services.AddScoped<Reconciliation>();
        builder.Services.AddSingleton<OrderQuerySignal>();
        builder.Services.AddHostedService<OrderQueryWorker>();
        builder.Services.AddSingleton<RefundSignal>();
        builder.Services.AddHostedService<RefundWorker>();
        builder.Services.AddSingleton<ReconciliationSignal>();
        builder.Services.AddHostedService<ReconciliationWorker>();
        builder.AddPlatformMessaging<PaymentDbContext>("payment", bus =>
        {
            bus.AddConsumer<PaymentRequestedConsumer>();
            bus.AddConsumer<PaymentWithdrawnConsumer>();
            bus.AddConsumer<RefundRequestedConsumer>();
            bus.AddConsumer<HisPaymentRefusedConsumer>();
            bus.AddPatientLinkConsumers<PaymentDbContext>("payment");
        });
    }
}
