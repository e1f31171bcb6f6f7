using System.Net.Http.Headers;
using HisAdapter.API.Infrastructure;
using MassTransit;
using Npgsql;
using Platform.Messaging;
using Platform.Testing;

namespace HisAdapter.Tests;

/// <summary>A HIS simulator process, and the adapter on a real port (the HIS calls it back) with its own database
/// and RabbitMQ virtual host; plus a bus of the test's own to publish what other services would.</summary>
public sealed class HisAdapterFixture : IAsyncLifetime
{
    public const string PushSecret = "test-push-secret";
    public const string SubscriptionSecret = "test-subscription-secret";

    public HisSimulatorProcess His { get; private set; } = null!;
    public TestDatabase Database { get; private set; } = null!;
    public TestVirtualHost VirtualHost { get; private set; } = null!;
    public ServiceFactory<HisAdapterDbContext> Service { get; private set; } = null!;
    public IBusControl Bus { get; private set; } = null!;
    public IdentityStub Identity { get; } = new();
    public string AdapterUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var port = HisSimulatorProcess.FreePort();
        AdapterUrl = $"http://127.0.0.1:{port}";
        His = await HisSimulatorProcess.StartAsync($"{AdapterUrl}/api/his/pushes", PushSecret);
        Database = await TestDatabase.CreateAsync("hisadapter");
        VirtualHost = await TestVirtualHost.CreateAsync("his");
        Service = ServiceFactory<HisAdapterDbContext>.Create("hisadapterdb", Database, VirtualHost.AmqpUri, new Dictionary<string, string>
        {
            ["His:BaseUrl"] = $"{His.Root}/fhir",
            ["His:TokenUrl"] = $"{His.Root}/auth/token",
            ["His:ClientId"] = "platform",
            ["His:ClientSecret"] = "platform-secret",
            ["His:PushSecret"] = PushSecret,
            ["His:SubscriptionSecret"] = SubscriptionSecret,
            ["His:CallbackBaseUrl"] = AdapterUrl,
            ["His:SyncInterval"] = "00:00:05",
            ["His:SlotDays"] = "2",
            ["His:CommandPollInterval"] = "00:00:00.300",
            ["His:CommandRetryBase"] = "00:00:00.500",
            ["His:CommandRetryMax"] = "00:00:02",
        }.Concat(Identity.Settings).ToDictionary());
        Service.UseKestrel(port);
        Service.StartServer();

        var address = BrokerAddress.Parse(VirtualHost.AmqpUri);
        Bus = MassTransit.Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(address.Host, address.Port, address.VirtualHost, h =>
        {
            h.Username(address.Username);
            h.Password(address.Password);
        }));
        await Bus.StartAsync();
        await Eventually.Until(() => Database.ScalarAsync("SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%HisPractitionerSynced%'"),
            n => n >= 68, TimeSpan.FromSeconds(90), "the full sync at start");
    }

    public HttpClient Client(string? role = null)
    {
        var client = Service.CreateClient();
        if (role is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(role));
        return client;
    }

    public Task PublishAsync<T>(T message, Guid? messageId = null) where T : class =>
        Bus.Publish(message, ctx => ctx.MessageId = messageId ?? (message as Platform.Contracts.IntegrationEvent)?.Id ?? NewId.NextGuid());

    /// <summary>The payload of the first outbox row of an event type that contains the fragment (empty when none): what a
    /// failed assertion shows.</summary>
    public async Task<string> PayloadAsync(string typeName, string contains)
    {
        await using var conn = new NpgsqlConnection(Database.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            "SELECT payload::text FROM outbox_messages WHERE message_type LIKE @type AND payload::text LIKE @part LIMIT 1", conn);
        cmd.Parameters.AddWithValue("type", $"%.{typeName},%");
        cmd.Parameters.AddWithValue("part", $"%{contains}%");
        return (await cmd.ExecuteScalarAsync()) as string ?? "";
    }

    /// <summary>Outbox rows of an event type whose payload contains every fragment given.</summary>
    public async Task<long> EventsAsync(string typeName, params string[] payloadContains)
    {
        await using var conn = new NpgsqlConnection(Database.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            "SELECT count(*) FROM outbox_messages WHERE message_type LIKE @type AND payload::text LIKE ALL(@parts)", conn);
        cmd.Parameters.AddWithValue("type", $"%.{typeName},%");
        cmd.Parameters.AddWithValue("parts", payloadContains.Select(p => $"%{p}%").DefaultIfEmpty("%").ToArray());
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }

    public async Task DisposeAsync()
    {
        await Bus.StopAsync();
        await Service.DisposeAsync();
        await His.DisposeAsync();
        await Identity.DisposeAsync();
        await VirtualHost.DisposeAsync();
        await Database.DisposeAsync();
    }
}
