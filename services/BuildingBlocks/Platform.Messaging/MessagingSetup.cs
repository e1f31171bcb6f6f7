using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Messaging.Outbox;
using Platform.Persistence;

namespace Platform.Messaging;

public static class MessagingSetup
{
    /// <summary>MassTransit on RabbitMQ (ConnectionStrings:rabbitmq, an amqp:// URI with the vhost as path), the
    /// outbox of <typeparamref name="TContext"/> with its dispatcher, retries with backoff, and error queues as
    /// dead letters. <paramref name="serviceName"/> prefixes the service's queue names.</summary>
    public static void AddPlatformMessaging<TContext>(this WebApplicationBuilder builder, string serviceName,
        Action<IBusRegistrationConfigurator>? configure = null) where TContext : DbContext
    {
        var broker = BrokerAddress.Parse(builder.Configuration.GetConnectionString("rabbitmq")
            ?? throw new InvalidOperationException("缺少消息队列连接配置 ConnectionStrings:rabbitmq"));
        var quorum = builder.Configuration.GetValue("Messaging:QuorumQueues", false);

        builder.Services.Configure<OutboxOptions>(builder.Configuration.GetSection("Messaging:Outbox"));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<PendingOutboxContexts>();
        builder.Services.AddSingleton<IInterceptor, OutboxSaveInterceptor>();
        builder.Services.AddSingleton<IInterceptor, OutboxCommitInterceptor>();
        builder.Services.AddScoped<IIntegrationEventOutbox, IntegrationEventOutbox<TContext>>();
        builder.Services.AddHostedService<OutboxDispatcher<TContext>>();

        builder.Services.AddMassTransit(x =>
        {
            // MassTransit 8.5 reports usage to its vendor by default; a hospital network sends nothing out.
            x.DisableUsageTelemetry();
            x.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, false));
            configure?.Invoke(x);
            if (quorum)
                x.AddConfigureEndpointsCallback((_, cfg) =>
                {
                    if (cfg is IRabbitMqReceiveEndpointConfigurator rabbit) rabbit.SetQuorumQueue();
                });
            x.UsingRabbitMq((ctx, cfg) =>
            {
                cfg.Host(broker.Host, broker.Port, broker.VirtualHost, h =>
                {
                    h.Username(broker.Username);
                    h.Password(broker.Password);
                });
                // Transient faults are retried in place; what still fails lands in the queue's _error queue.
                cfg.UseMessageRetry(r => r.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10),
                    TimeSpan.FromMilliseconds(400)));
                cfg.ConfigureEndpoints(ctx);
            });
        });
    }
}
