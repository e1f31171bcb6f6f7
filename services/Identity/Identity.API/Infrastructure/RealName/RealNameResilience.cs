using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Identity.API.Infrastructure.RealName;

internal static class RealNameResilience
{
    /// <summary>Overall deadline around retries (with backoff) around a per-attempt timeout. 4xx other than 429 are
    /// answers, not faults, and are not retried.</summary>
    public static ResiliencePipeline<HttpResponseMessage> Build(RealNameOptions options) =>
        new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddTimeout(options.TotalTimeout)
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.Retries,
                Delay = TimeSpan.FromMilliseconds(200),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(r => r.StatusCode == HttpStatusCode.TooManyRequests || (int)r.StatusCode >= 500),
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
}
