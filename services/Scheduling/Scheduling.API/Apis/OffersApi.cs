using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.Auth;
using Scheduling.API.Application;

namespace Scheduling.API.Apis;

/// <summary>Units held for the caller's patients: a rebooking after 停诊 (X13) or a freed waitlist place (X14).</summary>
public static class OffersApi
{
    public static IEndpointRouteBuilder MapOffersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/scheduling/offers").WithTags("改约与候补号源").RequireAuthorization(PlatformRoles.Patient);
        api.MapGet("/", List).WithName("ListOffers").WithSummary("为我保留中的号源");
        api.MapGet("/{id:guid}", Get).WithName("GetOffer").WithSummary("保留号源详情");
        api.MapPost("/{id:guid}/accept", Accept).WithName("AcceptOffer").WithSummary("一键改约（重复点击返回同一预约）");
        api.MapPost("/{id:guid}/decline", Decline).WithName("DeclineOffer").WithSummary("放弃号源（停诊改约即申请退款）");
        return app;
    }

    public static async Task<Ok<List<OfferDto>>> List(ClaimsPrincipal user, SlotOffers offers, CancellationToken ct) =>
        TypedResults.Ok(await offers.LiveAsync(user.AccountId(), ct));

    public static async Task<Ok<OfferDto>> Get(Guid id, ClaimsPrincipal user, SlotOffers offers, CancellationToken ct) =>
        TypedResults.Ok(await offers.GetAsync(user.AccountId(), id, ct));

    public static async Task<Accepted<AppointmentDto>> Accept(Guid id, ClaimsPrincipal user, SlotOffers offers, CancellationToken ct)
    {
        var dto = await offers.AcceptAsync(user.AccountId(), id, ct);
        return TypedResults.Accepted($"/api/scheduling/appointments/{dto.Id}", dto);
    }

    public static async Task<Ok<OfferDto>> Decline(Guid id, ClaimsPrincipal user, SlotOffers offers, CancellationToken ct) =>
        TypedResults.Ok(await offers.DeclineAsync(user.AccountId(), id, ct));
}
