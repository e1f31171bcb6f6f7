using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;

namespace Notification.Tests;

/// <summary>Listens to the notifications hub as one user with the SignalR .NET client and queues the events of
/// <see cref="Kinds"/> as they arrive, for the test to read in order.</summary>
public sealed class HubListener : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly Channel<(string Kind, JsonElement Data)> _events = Channel.CreateUnbounded<(string, JsonElement)>();

    private static readonly string[] Kinds =
        ["message", "unreadCount", "appointmentChanged", "offerChanged", "queueChanged", "consultationChanged", "staffWorkChanged", "scheduleChanged"];

    private HubListener(HubConnection connection)
    {
        _connection = connection;
        foreach (var kind in Kinds)
            _connection.On<JsonElement>(kind, data => _events.Writer.TryWrite((kind, data)));
    }

    public static async Task<HubListener> ConnectAsync(string hubUrl, string token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(hubUrl, options => options.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        var listener = new HubListener(connection);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await connection.StartAsync(cts.Token);
        return listener;
    }

    /// <summary>Asks the hub for what was missed since that message id (or ISO time); returns how many it sent.</summary>
    public Task<int> CatchUpAsync(string since) => _connection.InvokeAsync<int>("CatchUp", since);

    /// <summary>The payload of the next event of that kind, skipping others.</summary>
    public async Task<JsonElement> NextAsync(string kind, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        try
        {
            while (true)
            {
                var (name, data) = await _events.Reader.ReadAsync(cts.Token);
                if (name == kind) return data;
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no '{kind}' from the hub within {timeout ?? TimeSpan.FromSeconds(30)} (state {_connection.State})");
        }
    }

    /// <summary>The next event of each of these kinds, in whatever order they arrive, skipping others.</summary>
    public async Task<Dictionary<string, JsonElement>> NextOfEachAsync(params string[] kinds)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var seen = new Dictionary<string, JsonElement>();
        try
        {
            while (seen.Count < kinds.Length)
            {
                var (name, data) = await _events.Reader.ReadAsync(cts.Token);
                if (kinds.Contains(name)) seen.TryAdd(name, data);
            }
            return seen;
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"not all of {string.Join(", ", kinds)} from the hub within 30 s (saw {string.Join(", ", seen.Keys)})");
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
