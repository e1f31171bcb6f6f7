using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;

namespace Platform.Fhir.Authentication;

/// <summary>
/// Gets a bearer token with the client_credentials grant and keeps it until shortly before it expires,
/// so one token serves every FHIR call of its lifetime.
/// </summary>
public sealed class SmartBackendTokenProvider : IFhirAccessTokenProvider, IDisposable
{
    public const string HttpClientName = "Platform.Fhir.TokenEndpoint";

    private readonly Func<HttpClient> httpClients;
    private readonly SmartBackendOptions options;
    private readonly TimeProvider timeProvider;
    private readonly RSA? signingKey;
    private readonly SemaphoreSlim refreshLock = new(1, 1);
    private CachedToken? cached;

    public SmartBackendTokenProvider(HttpClient http, SmartBackendOptions options, TimeProvider? timeProvider = null)
        : this(() => http, options, timeProvider)
    {
    }

    /// <param name="httpClients">Called per token request, so a long-lived provider can use IHttpClientFactory's rotating handlers.</param>
    public SmartBackendTokenProvider(Func<HttpClient> httpClients, SmartBackendOptions options, TimeProvider? timeProvider = null)
    {
        options.Validate();
        this.httpClients = httpClients;
        this.options = options;
        this.timeProvider = timeProvider ?? TimeProvider.System;
        if (options.PrivateKeyPem is { Length: > 0 } pem)
        {
            signingKey = RSA.Create();
            signingKey.ImportFromPem(pem);
        }
    }

    public async ValueTask<string?> GetAccessTokenAsync(CancellationToken cancellationToken = default)
    {
        if (cached is { } token && token.IsFresh(timeProvider.GetUtcNow())) return token.AccessToken;

        await refreshLock.WaitAsync(cancellationToken);
        try
        {
            if (cached is { } current && current.IsFresh(timeProvider.GetUtcNow())) return current.AccessToken;
            cached = await RequestTokenAsync(cancellationToken);
            return cached.AccessToken;
        }
        finally
        {
            refreshLock.Release();
        }
    }

    public void Invalidate() => cached = null;

    public void Dispose()
    {
        signingKey?.Dispose();
        refreshLock.Dispose();
    }

    private async Task<CachedToken> RequestTokenAsync(CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["scope"] = options.Scope,
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, options.TokenEndpoint);
        if (signingKey is not null)
        {
            form["client_assertion_type"] = ClientAssertion.AssertionType;
            form["client_assertion"] = ClientAssertion.Create(options, signingKey, timeProvider.GetUtcNow());
        }
        else
        {
            // RFC 6749 §2.3.1: id and secret are form-encoded before they are joined and base64-encoded.
            var credentials = $"{Uri.EscapeDataString(options.ClientId)}:{Uri.EscapeDataString(options.ClientSecret!)}";
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        }
        request.Content = new FormUrlEncodedContent(form);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        var requestedAt = timeProvider.GetUtcNow();
        using var response = await httpClients().SendAsync(request, cancellationToken);
        var body = await ReadTokenResponseAsync(response, cancellationToken);
        if (!response.IsSuccessStatusCode || body?.AccessToken is not { Length: > 0 })
            throw new FhirAuthenticationException(
                $"Token endpoint answered {(int)response.StatusCode}: {body?.Error} {body?.ErrorDescription}".TrimEnd());
        if (!string.Equals(body.TokenType, "bearer", StringComparison.OrdinalIgnoreCase))
            throw new FhirAuthenticationException($"Token endpoint issued a '{body.TokenType}' token; only bearer is supported.");

        var lifetime = TimeSpan.FromSeconds(body.ExpiresIn is > 0 ? body.ExpiresIn.Value : 300);
        // A short-lived token is refreshed half-way through rather than never being considered fresh.
        var margin = options.RefreshBeforeExpiry < lifetime / 2 ? options.RefreshBeforeExpiry : lifetime / 2;
        return new CachedToken(body.AccessToken, requestedAt + lifetime - margin);
    }

    private static async Task<TokenResponse?> ReadTokenResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private sealed record CachedToken(string AccessToken, DateTimeOffset RefreshAt)
    {
        public bool IsFresh(DateTimeOffset now) => now < RefreshAt;
    }

    private sealed class TokenResponse
    {
        [JsonPropertyName("access_token")] public string? AccessToken { get; set; }
        [JsonPropertyName("token_type")] public string? TokenType { get; set; }
        [JsonPropertyName("expires_in")] public int? ExpiresIn { get; set; }
        [JsonPropertyName("scope")] public string? Scope { get; set; }
        [JsonPropertyName("error")] public string? Error { get; set; }
        [JsonPropertyName("error_description")] public string? ErrorDescription { get; set; }
    }
}
