using Identity.API.Application.Agreements;
using Identity.API.Application.Guides;
using Identity.API.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.Problems;

namespace Identity.API.Apis;

public static class PublicApi
{
    public static IEndpointRouteBuilder MapPublicApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/identity").WithTags("公开信息");
        api.MapGet("/agreements/{kind}/current", CurrentAgreement).WithName("GetCurrentAgreement").WithSummary("协议当前版本");
        api.MapGet("/guides/registration", () => TypedResults.Ok(RegistrationGuide.Current))
            .WithName("GetRegistrationGuide").WithSummary("注册与实名就诊指南（R05）");
        return app;
    }

    public static async Task<Ok<AgreementDto>> CurrentAgreement(string kind, AgreementCatalog catalog, CancellationToken ct)
    {
        if (!AgreementKind.All.Contains(kind)) throw ProblemException.NotFound("协议");
        var a = await catalog.CurrentAsync(kind, ct) ?? throw ProblemException.NotFound("协议");
        return TypedResults.Ok(new AgreementDto(a.Kind, a.Version, a.Title, a.Body, a.PublishedAt));
    }
}
