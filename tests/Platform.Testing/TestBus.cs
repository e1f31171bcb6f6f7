using MassTransit;
using Platform.Messaging;

namespace Platform.Testing;

/// <summary>Publishes straight onto a virtual host, as another service (or a misbehaving one) would.</summary>
public static class TestBus
{
    public static async Task PublishAsync<T>(string amqpUri, Action<PublishContext<T>> configure, params T[] messages)
        where T : class
    {
        var address = BrokerAddress.Parse(amqpUri);
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(address.Host, address.Port, address.VirtualHost, h =>
        {
            h.Username(address.Username);
            h.Password(address.Password);
        }));
        await bus.StartAsync();
        try
        {
            foreach (var message in messages) await bus.Publish(message, configure);
        }
        finally
        {
            await bus.StopAsync();
        }
    }
}
