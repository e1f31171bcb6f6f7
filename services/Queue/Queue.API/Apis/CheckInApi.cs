using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.Auth;
using Queue.API.Application;

namespace Queue.API.Apis;

public sealed record CheckInRequest(string? Code, Guid? AppointmentId);

public sealed record CheckInOptionsDto(string Location, IReadOnlyList<CheckIn.Candidate> Items);

public sealed record CheckInResultDto(Guid TicketId, MyQueueDto? Queue);

/// <summary>报到 with the clinic's QR code.</summary>
public static class CheckInApi
{
    public static IEndpointRouteBuilder MapCheckInApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/queue/check-ins").WithTags("报到").RequireAuthorization(PlatformRoles.Patient);
        api.MapGet("/options", Options).WithName("CheckInOptions").WithSummary("扫码后可报到的预约（含家人）");
        api.MapPost("/", Post).WithName("CheckIn").WithSummary("扫码报到");
        return app;
    }

    public static async Task<Ok<CheckInOptionsDto>> Options(string? code, ClaimsPrincipal user, CheckIn checkIn, CancellationToken ct)
    {
        var (location, items) = await checkIn.CandidatesAsync(user.AccountId(), code, ct);
        return TypedResults.Ok(new CheckInOptionsDto(location, items));
    }

    public static async Task<Ok<CheckInResultDto>> Post(CheckInRequest? body, ClaimsPrincipal user, CheckIn checkIn, QueueViews views,
        CancellationToken ct)
    {
        var account = user.AccountId();
        var ticketId = await checkIn.CheckInAsync(account, body?.Code, body?.AppointmentId, ct);
        var mine = await views.MineAsync(account, ct);
        return TypedResults.Ok(new CheckInResultDto(ticketId, mine.FirstOrDefault(q => q.TicketId == ticketId)));
    }
}
