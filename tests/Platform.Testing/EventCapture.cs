using System.Collections.Concurrent;
using System.Reflection;
using MassTransit;
using Platform.Messaging;

namespace Platform.Testing;

/// <summary>Receives what services publish on a virtual host (its own auto-deleted queue bound to the given event
/// types), so a test can assert an event left a service over the broker, not just that it sits in an outbox.</summary>
public sealed class EventCapture : IAsyncDisposable
{
    private readonly ConcurrentQueue<object> _received = new();
    private IBusControl? _bus;

    public static async Task<EventCapture> StartAsync(string amqpUri, params Type[] eventTypes)
    {
        var capture = new EventCapture();
        var address = BrokerAddress.Parse(amqpUri);
        var register = typeof(EventCapture).GetMethod(nameof(Register), BindingFlags.NonPublic | BindingFlags.Instance)!;
        capture._bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(address.Host, address.Port, address.VirtualHost, h =>
            {
                h.Username(address.Username);
                h.Password(address.Password);
            });
            cfg.ReceiveEndpoint($"test-capture-{Guid.NewGuid():N}", e =>
            {
                e.AutoDelete = true;
                e.Durable = false;
                foreach (var type in eventTypes) register.MakeGenericMethod(type).Invoke(capture, [e]);
            });
        });
        var handle = await capture._bus.StartAsync();
        await handle.Ready;
        return capture;
    }

    private void Register<T>(IReceiveEndpointConfigurator endpoint) where T : class =>
        endpoint.Handler<T>(ctx =>
        {
            _received.Enqueue(ctx.Message);
            return Task.CompletedTask;
        });

    public IReadOnlyList<T> Of<T>() => _received.OfType<T>().ToList();

    /// <summary>Waits until a received <typeparamref name="T"/> matches, and returns it.</summary>
    public async Task<T> UntilAsync<T>(Func<T, bool> match, TimeSpan? timeout = null) where T : class =>
        (await Eventually.Until(() => Task.FromResult(Of<T>().FirstOrDefault(match)), m => m is not null, timeout,
            $"a {typeof(T).Name} on the broker"))!;

    public async ValueTask DisposeAsync()
    {
        if (_bus is not null) await _bus.StopAsync();
    }
}
