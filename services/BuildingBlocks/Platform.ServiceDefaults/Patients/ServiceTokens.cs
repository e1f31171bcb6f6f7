using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace Platform.ServiceDefaults.Patients;

/// <summary>This service's client-credentials token from Identity, kept until shortly before it expires.</summary>
public sealed class ServiceTokens(IHttpClientFactory clients, IOptions<PatientDirectoryOptions> options, TimeProvider clock) : IDisposable
{
    public const string HttpClientName = "Platform.ServiceTokens";
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private (string Token, DateTimeOffset RefreshAt)? _cached;

    public async ValueTask<string> GetAsync(CancellationToken ct)
    {
        if (_cached is { } fresh && clock.GetUtcNow() < fresh.RefreshAt) return fresh.Token;
        await _refresh.WaitAsync(ct);
        try
        {
            if (_cached is { } current && clock.GetUtcNow() < current.RefreshAt) return current.Token;
            var o = options.Value;
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/identity/connect/token")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "client_credentials",
                    ["scope"] = PatientDirectoryOptions.Scope,
                }),
            };
            // RFC 6749 §2.3.1: id and secret are form-encoded before they are joined.
            var credentials = $"{Uri.EscapeDataString(o.ClientId)}:{Uri.EscapeDataString(o.ClientSecret)}";
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
            var requestedAt = clock.GetUtcNow();
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, ct);
            var body = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<TokenResponse>(ct) : null;
            if (body?.AccessToken is not { Length: > 0 } token)
                throw new HttpRequestException($"Identity refused this service's token ({(int)response.StatusCode})", null, response.StatusCode);
            var lifetime = TimeSpan.FromSeconds(body.ExpiresIn is > 0 ? body.ExpiresIn.Value : 300);
            var margin = o.RefreshBeforeExpiry < lifetime / 2 ? o.RefreshBeforeExpiry : lifetime / 2;
            _cached = (token, requestedAt + lifetime - margin);
            return token;
        }
        finally
        {
            _refresh.Release();
        }
    }

    public void Invalidate() => _cached = null;

    public void Dispose() => _refresh.Dispose();

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in")] int? ExpiresIn);
}

/// <summary>Puts the service token on each request; a 401 (a key rotated, a token revoked) gets one retry with a new token.</summary>
public sealed class ServiceTokenHandler(ServiceTokens tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetAsync(cancellationToken));
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized) return response;
        response.Dispose();
        tokens.Invalidate();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetAsync(cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }
}
