using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.Auth;
using Queue.API.Application;

namespace Queue.API.Apis;

/// <summary>我的排队 (R20): every queue the account's patients are in today, with their place and the estimated wait.</summary>
public static class MyQueuesApi
{
    public static IEndpointRouteBuilder MapMyQueuesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/queue/me", Mine).WithTags("排队").RequireAuthorization(PlatformRoles.Patient)
            .WithName("MyQueues").WithSummary("我的排队（含家人）");
        return app;
    }

    public static async Task<Ok<List<MyQueueDto>>> Mine(ClaimsPrincipal user, QueueViews views, CancellationToken ct) =>
        TypedResults.Ok(await views.MineAsync(user.AccountId(), ct));
}
