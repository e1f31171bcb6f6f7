using System.Security.Claims;
using Consultation.API.Application;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.Auth;

namespace Consultation.API.Apis;

/// <summary>A patient's consultations; the same consultation read by its doctor.</summary>
public static class ConsultationsApi
{
    public static IEndpointRouteBuilder MapConsultationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/consultation").WithTags("在线咨询").RequireAuthorization();
        api.MapPost("/consultations", Create).WithName("CreateConsultation").WithSummary("发起图文咨询或互联网复诊（有费用时待支付）")
            .RequireAuthorization(PlatformRoles.Patient);
        api.MapGet("/patients/{patientId:guid}/consultations", OfPatient).WithName("PatientConsultations").WithSummary("就诊人的咨询记录")
            .RequireAuthorization(PlatformRoles.Patient);
        api.MapGet("/consultations/{id:guid}", Get).WithName("GetConsultation").WithSummary("一次咨询（患者或接诊医生）");
        api.MapPost("/consultations/{id:guid}/cancel", Cancel).WithName("CancelConsultation").WithSummary("取消未支付的咨询")
            .RequireAuthorization(PlatformRoles.Patient);
        return app;
    }

    public static async Task<Created<ConsultationDto>> Create(CreateConsultationRequest request, ClaimsPrincipal user, Consultations consultations,
        CancellationToken ct)
    {
        var created = await consultations.CreateAsync(user, request, ct);
        return TypedResults.Created($"/api/consultation/consultations/{created.Id}", created);
    }

    public static async Task<Ok<IReadOnlyList<ConsultationDto>>> OfPatient(Guid patientId, ClaimsPrincipal user, Consultations consultations,
        CancellationToken ct) => TypedResults.Ok(await consultations.OfPatientAsync(user, patientId, ct));

    public static async Task<Ok<ConsultationDto>> Get(Guid id, ClaimsPrincipal user, Consultations consultations, CancellationToken ct) =>
        TypedResults.Ok(await consultations.GetAsync(user, id, ct));

    public static async Task<Ok<ConsultationDto>> Cancel(Guid id, ClaimsPrincipal user, Consultations consultations, CancellationToken ct) =>
        TypedResults.Ok(await consultations.CancelAsync(user, id, ct));
}
