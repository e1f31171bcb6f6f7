using MassTransit;
using Platform.Messaging;
using Platform.Testing;
using Microsoft.Extensions.DependencyInjection;
using WeChat.Gateway.Application.Users;
using WeChat.Gateway.Infrastructure;

namespace WeChatGateway.Tests;

/// <summary>The gateway (real Kestrel, so the simulator can call it) with its own database and virtual host, and the
/// WeChat simulator it talks to.</summary>
public sealed class GatewayStack : IAsyncDisposable
{
    private readonly List<ServiceFactory<WeChatDbContext>> _gateways = [];
    private IBusControl? _bus;

    public TestDatabase Database { get; private set; } = null!;
    public TestVirtualHost VirtualHost { get; private set; } = null!;
    public WeChatSimulator Simulator { get; private set; } = null!;
    public string GatewayUrl { get; private set; } = null!;
    public HttpClient Gateway { get; private set; } = null!;

    public static async Task<GatewayStack> StartAsync(string mode = "Safe", int tokenLifetimeSeconds = 7200, int instances = 1)
    {
        var stack = new GatewayStack();
        stack.Database = await TestDatabase.CreateAsync("wechat");
        stack.VirtualHost = await TestVirtualHost.CreateAsync("wechat");
        var ports = Enumerable.Range(0, instances).Select(_ => WeChatSimulator.FreePort()).ToList();
        stack.GatewayUrl = $"http://127.0.0.1:{ports[0]}";
        stack.Simulator = await WeChatSimulator.StartAsync(stack.GatewayUrl, mode.ToLowerInvariant(), tokenLifetimeSeconds);
        await Task.WhenAll(ports.Select(port => Task.Run(() => stack.StartGateway(port, mode))));
        stack.Gateway = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(stack.GatewayUrl) };
        return stack;
    }

    private void StartGateway(int port, string mode)
    {
        var factory = ServiceFactory<WeChatDbContext>.Create("wechatdb", Database, VirtualHost.AmqpUri, new Dictionary<string, string>
        {
            ["WeChat:AppId"] = WeChatSimulator.AppId,
            ["WeChat:AppSecret"] = WeChatSimulator.AppSecret,
            ["WeChat:Token"] = WeChatSimulator.Token,
            ["WeChat:EncodingAesKey"] = WeChatSimulator.AesKey,
            ["WeChat:Mode"] = mode,
            ["WeChat:ApiBaseUrl"] = Simulator.Url + "/",
            ["WeChat:OpenBaseUrl"] = Simulator.Url + "/",
            ["WeChat:PublicBaseUrl"] = $"http://127.0.0.1:{port}",
            ["WeChat:H5BaseUrl"] = "http://127.0.0.1:8080",
            ["WeChat:CreateMenuOnStart"] = "true",
            ["WeChat:MiniProgram:AppId"] = MiniProgramSimulator.AppId,
            ["WeChat:MiniProgram:AppSecret"] = MiniProgramSimulator.AppSecret,
            ["WeChat:MiniProgram:MessageState"] = "trial",
        }.Concat(TestKeys.Security("wechat")).ToDictionary());
        factory.UseKestrel(port);
        factory.StartServer();
        lock (_gateways) _gateways.Add(factory);
    }

    public async Task PublishAsync<T>(T message, Guid? brokerMessageId = null) where T : Platform.Contracts.IntegrationEvent
    {
        if (_bus is null)
        {
            var address = BrokerAddress.Parse(VirtualHost.AmqpUri);
            _bus = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(address.Host, address.Port, address.VirtualHost, h =>
            {
                h.Username(address.Username);
                h.Password(address.Password);
            }));
            await _bus.StartAsync();
        }
        await _bus.Publish(message, ctx => ctx.MessageId = brokerMessageId ?? message.Id);
    }

    public Task<long> CountAsync(string sql) => Database.ScalarAsync(sql);

    /// <summary>Records a WeChat user as the gateway does on a callback or sign-in; returns its WeChat user id.</summary>
    public async Task<Guid> KnowUserAsync(string openId)
    {
        await using var scope = _gateways[0].Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<WeChatUsers>().FindOrAddAsync(openId, DateTimeOffset.UtcNow, CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<WeChatDbContext>().SaveChangesAsync();
        return user.Id;
    }

    public IServiceProvider Services => _gateways[0].Services;

    /// <summary>Every gateway instance's services, when several share the database.</summary>
    public IReadOnlyList<IServiceProvider> InstanceServices => [.. _gateways.Select(g => g.Services)];

    public Task<long> OutboxCountAsync(string eventName, string containing) =>
        Database.ScalarAsync($"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%.{eventName},%' AND payload::text LIKE '%{containing}%'");

    public async ValueTask DisposeAsync()
    {
        if (_bus is not null) await _bus.StopAsync();
        foreach (var gateway in _gateways) await gateway.DisposeAsync();
        Gateway?.Dispose();
        if (Simulator is not null) await Simulator.DisposeAsync();
        if (Database is not null) await Database.DisposeAsync();
        if (VirtualHost is not null) await VirtualHost.DisposeAsync();
    }
}

/// <summary>One safe-mode stack shared by the callback, OAuth and JS-SDK tests.</summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    public GatewayStack Stack { get; private set; } = null!;

    public async Task InitializeAsync() => Stack = await GatewayStack.StartAsync();

    public async Task DisposeAsync() => await Stack.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class GatewayCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "gateway";
}
