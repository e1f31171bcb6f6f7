using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Platform.Fhir.Client;

internal static class FhirResilience
{
    public static readonly ResiliencePropertyKey<bool> RetryableKey = new("Platform.Fhir.Retryable");

    public static ResiliencePipeline<HttpResponseMessage> Build(FhirClientOptions options, TimeProvider timeProvider, ILogger logger) =>
        new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                // Polly needs at least one attempt configured; ShouldHandle turns retries off when the option is 0.
                MaxRetryAttempts = Math.Max(options.MaxRetryAttempts, 1),
                Delay = options.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(
                    options.MaxRetryAttempts > 0
                    && args.Context.Properties.GetValue(RetryableKey, false)
                    && IsTransient(args.Outcome, args.Context.CancellationToken, options.MaxRetryAfter, timeProvider)),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result is { } response ? RetryAfter(response, timeProvider) : null),
                OnRetry = args =>
                {
                    logger.LogWarning("FHIR request attempt {Attempt} failed ({Reason}); retrying in {Delay}",
                        args.AttemptNumber + 1,
                        args.Outcome.Result?.StatusCode.ToString() ?? args.Outcome.Exception?.GetType().Name,
                        args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();

    private static bool IsTransient(
        Outcome<HttpResponseMessage> outcome, CancellationToken callerToken, TimeSpan maxRetryAfter, TimeProvider timeProvider) =>
        outcome switch
        {
            { Exception: HttpRequestException or TimeoutRejectedException } => true,
            { Exception: OperationCanceledException } => !callerToken.IsCancellationRequested,
            { Result: { } response } => IsTransientStatus(response.StatusCode)
                                        && !(RetryAfter(response, timeProvider) > maxRetryAfter),
            _ => false,
        };

    private static bool IsTransientStatus(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout or HttpStatusCode.RequestTimeout;

    /// <summary>Retry-After as delta-seconds or an HTTP date (RFC 9110 §10.2.3).</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider timeProvider)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (header?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }
}
