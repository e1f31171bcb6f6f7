using System.Security.Claims;
using Consultation.API.Application;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Consultation.API.Apis;

/// <summary>Video consultation (X08): ICE servers with short-lived TURN credentials, and offer/answer/hangup to the other side.</summary>
public static class VideoCallApi
{
    public static IEndpointRouteBuilder MapVideoCallApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/consultation/consultations/{id:guid}/call").WithTags("视频问诊").RequireAuthorization();
        api.MapGet("/ice", Ice).WithName("ConsultationIceServers").WithSummary("STUN/TURN 服务器与短期凭证");
        api.MapPost("/signal", Signal).WithName("ConsultationSignal").WithSummary("发送 offer / answer / hangup 给对方");
        return app;
    }

    public static async Task<Ok<IceDto>> Ice(Guid id, ClaimsPrincipal user, VideoCalls calls, CancellationToken ct) =>
        TypedResults.Ok(await calls.IceAsync(user, id, ct));

    public static async Task<NoContent> Signal(Guid id, SignalRequest request, ClaimsPrincipal user, VideoCalls calls, CancellationToken ct)
    {
        await calls.SignalAsync(user, id, request, ct);
        return TypedResults.NoContent();
    }
}
