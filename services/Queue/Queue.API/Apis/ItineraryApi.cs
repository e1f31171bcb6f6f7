using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.Auth;
using Queue.API.Application.Itinerary;

namespace Queue.API.Apis;

/// <summary>今日行程 (X07): the day's steps in order, re-planned on every read from the queues as they stand.</summary>
public static class ItineraryApi
{
    public static IEndpointRouteBuilder MapItineraryApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/queue/itinerary", Get).WithTags("今日行程").RequireAuthorization(PlatformRoles.Patient)
            .WithName("DayItinerary").WithSummary("今日行程：报到、就诊、检查（按实时排队排序）、缴费、取药（本人或家人）");
        return app;
    }

    public static async Task<Ok<ItineraryDto>> Get(Guid? patientId, ClaimsPrincipal user, DayItinerary itinerary, CancellationToken ct) =>
        TypedResults.Ok(await itinerary.ForAsync(user, patientId, ct));
}
