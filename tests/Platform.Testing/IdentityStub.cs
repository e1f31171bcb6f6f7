using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Platform.ServiceDefaults.Patients;

namespace Platform.Testing;

/// <summary>Identity's side of a patient look-up for services tested alone: the client-credentials token endpoint and
/// <c>GET /api/identity/internal/patients/{id}</c>, answering the patients a test put here. Identity.Tests test the
/// real endpoint; this stub checks the client's secret, the requested scope and the bearer it issued.</summary>
public sealed class IdentityStub : IAsyncDisposable
{
    public const string ClientId = "test-service";
    public const string ClientSecret = "test-service-secret-0123";
    /// <summary>A service token other services under test also accept (role integration, signed with the development
    /// key), so a service can call another one started beside it, as the HIS adapter.</summary>
    private static readonly string Token = TestTokens.For(Platform.ServiceDefaults.Auth.PlatformRoles.Integration, ClientId, lifetime: TimeSpan.FromHours(4));
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<Guid, PatientDetails> _patients = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public IdentityStub()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        BaseUrl = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(BaseUrl);
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string BaseUrl { get; }
    private int _lookups;
    public int Lookups => Volatile.Read(ref _lookups);

    /// <summary>The settings a service under test needs to read patients here.</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["PatientDirectory:BaseUrl"] = BaseUrl,
        ["PatientDirectory:ClientId"] = ClientId,
        ["PatientDirectory:ClientSecret"] = ClientSecret,
    };

    public void Put(PatientDetails patient) => _patients[patient.Id] = patient;

    private readonly ConcurrentDictionary<Guid, string> _weChatPayers = new();

    /// <summary>The account signed in through WeChat with this openid (GET …/accounts/{id}/wechat-payer).</summary>
    public void PutWeChatPayer(Guid accountId, string openId) => _weChatPayers[accountId] = openId;

    private readonly ConcurrentDictionary<Guid, string> _miniProgramPayers = new();

    /// <summary>The account signed in from the mini-program with this (mini-program) openid (GET …/accounts/{id}/wechat-payer?app=miniprogram).</summary>
    public void PutMiniProgramPayer(Guid accountId, string openId) => _miniProgramPayers[accountId] = openId;

    public void Remove(Guid patientId) => _patients.TryRemove(patientId, out _);

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) when (_stop.IsCancellationRequested) { return; }
            catch (HttpListenerException) { return; }
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        try
        {
            var path = request.Url?.AbsolutePath ?? "";
            if (request.HttpMethod == "POST" && path == "/api/identity/connect/token")
            {
                var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClientId}:{ClientSecret}"));
                using var reader = new StreamReader(request.InputStream);
                var form = await reader.ReadToEndAsync();
                if (request.Headers["Authorization"] != basic || !form.Contains("grant_type=client_credentials")
                    || !form.Contains("scope=" + PatientDirectoryOptions.Scope))
                {
                    response.StatusCode = 400;
                    return;
                }
                await WriteAsync(response, new { access_token = Token, token_type = "Bearer", expires_in = 900 });
                return;
            }
            const string accounts = "/api/identity/internal/accounts/";
            var payerKind = path.EndsWith("/wechat-payer", StringComparison.Ordinal) ? "/wechat-payer" : null;
            if (request.HttpMethod == "GET" && path.StartsWith(accounts, StringComparison.Ordinal) && payerKind is not null)
            {
                if (request.Headers["Authorization"] != "Bearer " + Token)
                {
                    response.StatusCode = 401;
                    return;
                }
                var account = path[accounts.Length..^payerKind.Length];
                var payers = request.QueryString["app"] == "miniprogram" ? _miniProgramPayers : _weChatPayers;
                if (!Guid.TryParse(account, out var accountId) || !payers.TryGetValue(accountId, out var openId))
                {
                    response.StatusCode = 404;
                    return;
                }
                await WriteAsync(response, new { openId });
                return;
            }
            const string prefix = "/api/identity/internal/patients/";
            if (request.HttpMethod == "GET" && path.StartsWith(prefix, StringComparison.Ordinal))
            {
                if (request.Headers["Authorization"] != "Bearer " + Token)
                {
                    response.StatusCode = 401;
                    return;
                }
                Interlocked.Increment(ref _lookups);
                if (!Guid.TryParse(path[prefix.Length..], out var id) || !_patients.TryGetValue(id, out var patient))
                {
                    response.StatusCode = 404;
                    return;
                }
                await WriteAsync(response, patient);
                return;
            }
            response.StatusCode = 404;
        }
        finally
        {
            response.Close();
        }
    }

    private static async Task WriteAsync(HttpListenerResponse response, object body)
    {
        response.ContentType = "application/json";
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, JsonSerializerOptions.Web);
        await response.OutputStream.WriteAsync(bytes);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        _listener.Close();
        try { await _loop; } catch (ObjectDisposedException) { }
        _stop.Dispose();
    }
}
