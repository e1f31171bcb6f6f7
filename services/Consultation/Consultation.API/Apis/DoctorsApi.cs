using System.Security.Claims;
using Consultation.API.Application;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.Auth;

namespace Consultation.API.Apis;

public static class DoctorsApi
{
    public static IEndpointRouteBuilder MapDoctorsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/consultation/doctors", Offering).WithTags("在线咨询").WithName("ConsultationDoctors")
            .WithSummary("开通在线咨询的医生（kind=text 图文咨询，kind=followup 互联网复诊）").RequireAuthorization();
        var mine = app.MapGroup("/api/consultation/doctor/offer").WithTags("医生工作站").RequireAuthorization(PlatformRoles.Doctor);
        mine.MapGet("", Mine).WithName("MyConsultationOffer").WithSummary("本人的在线咨询设置");
        mine.MapPut("", SetOffer).WithName("SetConsultationOffer").WithSummary("开通或关闭图文咨询、互联网复诊并设定费用（分）");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<DoctorDto>>> Offering(string? kind, string? department, Doctors doctors, CancellationToken ct) =>
        TypedResults.Ok(await doctors.OfferingAsync(kind, department, ct));

    public static async Task<Ok<DoctorDto>> Mine(ClaimsPrincipal user, Doctors doctors, CancellationToken ct) =>
        TypedResults.Ok(await doctors.MineAsync(user, ct));

    public static async Task<Ok<DoctorDto>> SetOffer(OfferRequest request, ClaimsPrincipal user, Doctors doctors, CancellationToken ct) =>
        TypedResults.Ok(await doctors.SetOfferAsync(user, request, ct));
}
