using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;
using Platform.Fhir.Authentication;

namespace Platform.Fhir.Client;

/// <summary>
/// A FHIR R4 REST client speaking application/fhir+json, with retries for transient failures,
/// OperationOutcome-typed exceptions and optional SMART backend-services tokens.
/// </summary>
public sealed partial class FhirClient
{
    private readonly HttpClient http;
    private readonly FhirClientOptions options;
    private readonly Uri baseAddress;
    private readonly IFhirAccessTokenProvider tokenProvider;
    private readonly ResiliencePipeline<HttpResponseMessage> pipeline;

    [ActivatorUtilitiesConstructor]
    public FhirClient(
        HttpClient http,
        IOptions<FhirClientOptions> options,
        IFhirAccessTokenProvider tokenProvider,
        TimeProvider timeProvider,
        ILogger<FhirClient> logger)
        : this(http, options.Value, tokenProvider, timeProvider, logger)
    {
    }

    public FhirClient(
        HttpClient http,
        FhirClientOptions options,
        IFhirAccessTokenProvider? tokenProvider = null,
        TimeProvider? timeProvider = null,
        ILogger? logger = null)
    {
        this.http = http;
        this.options = options;
        baseAddress = options.NormalizedBaseAddress;
        this.tokenProvider = tokenProvider ?? NoAccessTokenProvider.Instance;
        pipeline = FhirResilience.Build(options, timeProvider ?? TimeProvider.System, logger ?? NullLogger.Instance);
    }

    public Uri BaseAddress => baseAddress;

    private async Task<HttpResponseMessage> SendAsync(FhirRequest request, CancellationToken cancellationToken)
    {
        var response = await SendWithRetriesAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized || tokenProvider is NoAccessTokenProvider)
            return response;

        // The server may have revoked a token we still thought fresh: get a new one once.
        response.Dispose();
        tokenProvider.Invalidate();
        return await SendWithRetriesAsync(request, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendWithRetriesAsync(FhirRequest request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(FhirResilience.RetryableKey, request.IsRetryable);
        try
        {
            return await pipeline.ExecuteAsync(
                static async (ctx, state) =>
                {
                    var token = await state.Client.tokenProvider.GetAccessTokenAsync(ctx.CancellationToken);
                    using var message = state.Request.ToHttpRequest(state.Client.baseAddress, token);
                    return await state.Client.http.SendAsync(message, ctx.CancellationToken);
                },
                context,
                (Client: this, Request: request));
        }
        catch (TimeoutRejectedException ex)
        {
            throw new TimeoutException($"{request.Method} {request.Url} timed out after {options.AttemptTimeout}.", ex);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>Throws the typed exception for a non-success response, with the server's OperationOutcome.</summary>
    private static async Task EnsureSuccessAsync(HttpResponseMessage response, FhirRequest request, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return;

        var outcome = await TryReadOutcomeAsync(response, cancellationToken);
        var detail = outcome is null ? response.ReasonPhrase : string.Join("; ", outcome.Issue);
        throw FhirOperationException.For(
            response.StatusCode,
            outcome,
            $"FHIR server answered {(int)response.StatusCode} to {request.Method} {request.Url}: {detail}");
    }

    private static async Task<OperationOutcome?> TryReadOutcomeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(body)) return null;
        try
        {
            return FhirJson.Parse(body) as OperationOutcome;
        }
        catch (FhirParseException)
        {
            return null;
        }
    }

    private static async Task<TResource?> ReadResourceAsync<TResource>(HttpResponseMessage response, CancellationToken cancellationToken)
        where TResource : Resource
    {
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (body.Length == 0) return null;
        var resource = await FhirJson.ParseAsync<TResource>(new MemoryStream(body), cancellationToken);
        // Servers must send the version as an ETag; keep it on the resource so a later update can use If-Match.
        if (VersionFromETag(response.Headers.ETag?.ToString()) is { } version && resource.Meta?.VersionId is null)
            (resource.Meta ??= new Meta()).VersionId = version;
        return resource;
    }

    /// <summary>The version in a FHIR ETag such as <c>W/"3"</c>.</summary>
    public static string? VersionFromETag(string? etag)
    {
        if (string.IsNullOrWhiteSpace(etag)) return null;
        var value = etag.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal)) value = value[2..];
        return value.Trim('"');
    }

    public static string ETagForVersion(string versionId) => $"W/\"{versionId}\"";
}
