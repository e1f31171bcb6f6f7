using System.Security.Claims;
using Consultation.API.Application;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.Auth;

namespace Consultation.API.Apis;

/// <summary>The doctor workstation's consultation queue and the end of a consultation with its summary.</summary>
public static class DoctorDeskApi
{
    public static IEndpointRouteBuilder MapDoctorDeskApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/consultation/doctor").WithTags("医生工作站").RequireAuthorization(PlatformRoles.Doctor);
        api.MapGet("/consultations", Queue).WithName("DoctorConsultationQueue").WithSummary("待接诊与咨询中（ended=true 为已结束）");
        api.MapPost("/consultations/{id:guid}/end", End).WithName("EndConsultation").WithSummary("结束咨询并填写小结");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<ConsultationDto>>> Queue(bool? ended, ClaimsPrincipal user, Consultations consultations,
        CancellationToken ct) => TypedResults.Ok(await consultations.QueueAsync(user, ended == true, ct));

    public static async Task<Ok<ConsultationDto>> End(Guid id, EndRequest request, ClaimsPrincipal user, Consultations consultations,
        CancellationToken ct) => TypedResults.Ok(await consultations.EndAsync(user, id, request, ct));
}
