using System.Security.Claims;
using Consultation.API.Application;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.Auth;

namespace Consultation.API.Apis;

/// <summary>E-prescriptions of internet follow-up visits: written by the doctor, reviewed by a pharmacist.</summary>
public static class PrescriptionsApi
{
    public static IEndpointRouteBuilder MapPrescriptionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/consultation").WithTags("电子处方");
        api.MapGet("/formulary", Formulary).WithName("OnlineFormulary").WithSummary("本院药品目录及能否在线开具")
            .RequireAuthorization(PlatformRoles.Doctor, PlatformRoles.Pharmacist);
        api.MapGet("/consultations/{id:guid}/prescriptions", OfConsultation).WithName("ConsultationPrescriptions")
            .WithSummary("本次咨询的电子处方").RequireAuthorization();
        api.MapPost("/consultations/{id:guid}/prescriptions", Write).WithName("WriteEPrescription")
            .WithSummary("开具电子处方（禁止麻醉、精神及高警示药品），待药师审核").RequireAuthorization(PlatformRoles.Doctor);
        var pharmacist = api.MapGroup("/pharmacist/prescriptions").RequireAuthorization(PlatformRoles.Pharmacist);
        pharmacist.MapGet("", Pending).WithName("PendingEPrescriptions").WithSummary("待审核的电子处方");
        pharmacist.MapPost("/{id:guid}/approve", Approve).WithName("ApproveEPrescription").WithSummary("审核通过并发送至药房");
        pharmacist.MapPost("/{id:guid}/reject", Reject).WithName("RejectEPrescription").WithSummary("审核不通过（须写明原因）");
        return app;
    }

    public sealed record FormularyEntry(string Code, string Name, string DrugClass, bool AllowedOnline, string? Refusal);

    public static Ok<List<FormularyEntry>> Formulary(Formulary formulary) => TypedResults.Ok(formulary.All
        .Select(d => (d, refusal: formulary.OnlineRefusal(d)))
        .Select(x => new FormularyEntry(x.d.Code, x.d.Name, x.d.DrugClass, x.refusal is null, x.refusal)).ToList());

    public static async Task<Ok<IReadOnlyList<PrescriptionDto>>> OfConsultation(Guid id, ClaimsPrincipal user, Prescriptions prescriptions,
        CancellationToken ct) => TypedResults.Ok(await prescriptions.OfConsultationAsync(user, id, ct));

    public static async Task<Created<PrescriptionDto>> Write(Guid id, WritePrescriptionRequest request, ClaimsPrincipal user,
        Prescriptions prescriptions, CancellationToken ct)
    {
        var written = await prescriptions.WriteAsync(user, id, request, ct);
        return TypedResults.Created($"/api/consultation/consultations/{id}/prescriptions", written);
    }

    public static async Task<Ok<IReadOnlyList<PrescriptionDto>>> Pending(Prescriptions prescriptions, CancellationToken ct) =>
        TypedResults.Ok(await prescriptions.PendingAsync(ct));

    public static async Task<Ok<PrescriptionDto>> Approve(Guid id, ReviewRequest? request, ClaimsPrincipal user, Prescriptions prescriptions,
        CancellationToken ct) => TypedResults.Ok(await prescriptions.ReviewAsync(user, id, true, request?.Note, ct));

    public static async Task<Ok<PrescriptionDto>> Reject(Guid id, ReviewRequest request, ClaimsPrincipal user, Prescriptions prescriptions,
        CancellationToken ct) => TypedResults.Ok(await prescriptions.ReviewAsync(user, id, false, request.Note, ct));
}
