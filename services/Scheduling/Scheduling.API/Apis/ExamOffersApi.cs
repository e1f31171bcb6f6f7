using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;
using Scheduling.API.Application;

namespace Scheduling.API.Apis;

/// <summary>Exam windows held for the caller's patients after 设备故障 (X13): 一键改约 or 放弃.</summary>
public static class ExamOffersApi
{
    public static IEndpointRouteBuilder MapExamOffersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/scheduling/exams/offers").WithTags("检查检验预约").RequireAuthorization(PlatformRoles.Patient);
        api.MapGet("/", List).WithName("ListExamOffers").WithSummary("设备故障后为就诊人保留的检查时段");
        api.MapPost("/{id:guid}/accept", Accept).WithName("AcceptExamOffer").WithSummary("一键改约（重复点击返回同一预约）");
        api.MapPost("/{id:guid}/decline", Decline).WithName("DeclineExamOffer").WithSummary("放弃保留的检查时段");
        return app;
    }

    public static async Task<Ok<List<ExamOfferDto>>> List(Guid? patientId, ClaimsPrincipal user, ExamOffers offers, CancellationToken ct) =>
        TypedResults.Ok(await offers.LiveAsync(user.AccountId(),
            patientId is { } id && id != Guid.Empty
                ? id
                : throw ProblemException.Invalid(new Dictionary<string, string[]> { ["patientId"] = ["请选择就诊人"] }), ct));

    public static async Task<Accepted<ExamAppointmentDto>> Accept(Guid id, ClaimsPrincipal user, ExamOffers offers, CancellationToken ct)
    {
        var dto = await offers.AcceptAsync(user.AccountId(), id, ct);
        return TypedResults.Accepted($"/api/scheduling/exams/appointments?patientId={dto.PatientId}", dto);
    }

    public static async Task<Ok<ExamOfferDto>> Decline(Guid id, ClaimsPrincipal user, ExamOffers offers, CancellationToken ct) =>
        TypedResults.Ok(await offers.DeclineAsync(user.AccountId(), id, ct));
}
