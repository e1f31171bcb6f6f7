using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;
using Scheduling.API.Application;

namespace Scheduling.API.Apis;

public sealed record JoinWaitlistRequest(Guid? SessionId, Guid? PatientId);

/// <summary>候补 (X14): join a full session, see one's places, leave.</summary>
public static class WaitlistApi
{
    public static IEndpointRouteBuilder MapWaitlistApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/scheduling/waitlist").WithTags("候补").RequireAuthorization(PlatformRoles.Patient);
        api.MapPost("/", Join).WithName("JoinWaitlist").WithSummary("候补已约满的出诊");
        api.MapGet("/", Mine).WithName("ListWaitlist").WithSummary("我的候补");
        api.MapDelete("/{id:guid}", Leave).WithName("LeaveWaitlist").WithSummary("退出候补");
        return app;
    }

    public static async Task<Created<WaitlistEntryDto>> Join(JoinWaitlistRequest? body, ClaimsPrincipal user, Waitlists waitlists,
        CancellationToken ct)
    {
        var errors = new Validation();
        if (body?.SessionId is null || body.SessionId == Guid.Empty) errors.Add("sessionId", "请选择要候补的出诊");
        if (body?.PatientId is null || body.PatientId == Guid.Empty) errors.Add("patientId", "请选择就诊人");
        errors.ThrowIfAny();
        var dto = await waitlists.JoinAsync(user.AccountId(), body!.SessionId!.Value, body.PatientId!.Value, ct);
        return TypedResults.Created($"/api/scheduling/waitlist/{dto.Id}", dto);
    }

    public static async Task<Ok<List<WaitlistEntryDto>>> Mine(ClaimsPrincipal user, Waitlists waitlists, CancellationToken ct) =>
        TypedResults.Ok(await waitlists.MineAsync(user.AccountId(), ct));

    public static async Task<NoContent> Leave(Guid id, ClaimsPrincipal user, Waitlists waitlists, CancellationToken ct)
    {
        await waitlists.LeaveAsync(user.AccountId(), id, ct);
        return TypedResults.NoContent();
    }
}
