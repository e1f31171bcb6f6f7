using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Notification.Tests;

/// <summary>A tiny stand-in for the SMS provider speaking its protocol (POST /sms/send {phone, template, params},
/// X-Api-Key): records what it accepted, and can be told to fail the next requests for a phone.</summary>
public sealed class SmsReceiver : IAsyncDisposable
{
    public const string ApiKey = "test-sms-key";
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, int> _failuresLeft = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _holds = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public SmsReceiver()
    {
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(BaseUrl);
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string BaseUrl { get; }
    public ConcurrentQueue<(string Phone, string Template, string Text)> Accepted { get; } = new();
    public ConcurrentQueue<string> Refused { get; } = new();

    public void FailNext(string phone, int times) => _failuresLeft[phone] = times;

    /// <summary>When each request for a held phone arrived; it is answered only once the phone is released.</summary>
    public ConcurrentQueue<(string Phone, DateTimeOffset At)> Held { get; } = new();

    /// <summary>A slow provider: requests for <paramref name="phone"/> stay unanswered until <see cref="Release"/>.</summary>
    public void Hold(string phone) => _holds[phone] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release(string phone)
    {
        if (_holds.TryRemove(phone, out var gate)) gate.TrySetResult();
    }

    public int AcceptedFor(string phone) => Accepted.Count(m => m.Phone == phone);

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) when (_stop.IsCancellationRequested) { return; }
            catch (HttpListenerException) { return; }
            await HandleAsync(context);
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            if (context.Request.HttpMethod != "POST" || context.Request.Url?.AbsolutePath != "/sms/send")
            {
                response.StatusCode = 404;
                return;
            }
            if (context.Request.Headers["X-Api-Key"] != ApiKey)
            {
                response.StatusCode = 401;
                return;
            }
            using var body = await JsonDocument.ParseAsync(context.Request.InputStream);
            var phone = body.RootElement.GetProperty("phone").GetString()!;
            var template = body.RootElement.GetProperty("template").GetString()!;
            var text = body.RootElement.GetProperty("params").GetProperty("text").GetString()!;
            if (_holds.TryGetValue(phone, out var gate))
            {
                Held.Enqueue((phone, DateTimeOffset.UtcNow));
                await gate.Task;
            }
            if (_failuresLeft.TryGetValue(phone, out var left) && left > 0)
            {
                _failuresLeft[phone] = left - 1;
                Refused.Enqueue(phone);
                response.StatusCode = 500;
                await Write(response, """{"code":"INTERNAL_ERROR","message":"simulated provider failure"}""");
                return;
            }
            Accepted.Enqueue((phone, template, text));
            await Write(response, $$"""{"messageId":"{{Guid.NewGuid()}}","status":"sent"}""");
        }
        finally
        {
            response.Close();
        }
    }

    private static async Task Write(HttpListenerResponse response, string json)
    {
        response.ContentType = "application/json";
        var bytes = System.Text.Encoding.UTF8.GetBytes(json);
        await response.OutputStream.WriteAsync(bytes);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try { await _loop; } catch (ObjectDisposedException) { }
        _listener.Close();
    }
}
