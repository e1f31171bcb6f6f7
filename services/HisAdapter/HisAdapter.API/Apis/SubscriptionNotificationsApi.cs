using System.Security.Cryptography;
using System.Text;
using HisAdapter.API.Application.Sync;
using HisAdapter.API.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace HisAdapter.API.Apis;

public static class SubscriptionNotificationsApi
{
    public static IEndpointRouteBuilder MapSubscriptionNotificationsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/his/subscriptions/{secret}", Notify).WithName("HisSubscriptionNotification").WithTags("HIS")
            .WithSummary("FHIR Subscription（rest-hook）通知：触发增量同步").DisableRateLimiting();
        return app;
    }

    /// <summary>The notification only says "something changed"; the sync reads the HIS itself, so a forged or replayed
    /// notification can at most cause an extra (idempotent) sync — and without the secret it is not even that.</summary>
    public static Results<Ok, ContentHttpResult> Notify(string secret, HttpRequest request, SyncTrigger trigger, IOptions<HisOptions> options)
    {
        var expected = options.Value.SubscriptionSecret;
        if (string.IsNullOrEmpty(expected) || !SameSecret(secret, expected) ||
            !SameSecret(request.Headers[SubscriptionRegistrar.SecretHeader].ToString(), expected))
            return FhirResults.Outcome(404, "not-found", "未知的订阅地址");
        trigger.Nudge();
        return TypedResults.Ok();
    }

    private static bool SameSecret(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
