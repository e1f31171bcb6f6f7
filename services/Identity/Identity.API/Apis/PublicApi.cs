using Identity.API.Application.Agreements;
using Identity.API.Application.Guides;
using Identity.API.Domain;
using Identity.API.Infrastructure.Keys;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.Auth;
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
        api.MapGet("/.well-known/openid-configuration", Discovery).WithName("GetDiscovery").WithSummary("OpenID 发现文档");
        api.MapGet("/.well-known/jwks.json", Jwks).WithName("GetJwks").WithSummary("令牌签名公钥（JWKS）");
        return app;
    }

    public static async Task<Ok<AgreementDto>> CurrentAgreement(string kind, AgreementCatalog catalog, CancellationToken ct)
    {
        if (!AgreementKind.All.Contains(kind)) throw ProblemException.NotFound("协议");
        var a = await catalog.CurrentAsync(kind, ct) ?? throw ProblemException.NotFound("协议");
        return TypedResults.Ok(new AgreementDto(a.Kind, a.Version, a.Title, a.Body, a.PublishedAt));
    }

    public static Ok<Dictionary<string, object>> Discovery(HttpRequest request, PlatformAuthOptions auth)
    {
        var baseUrl = $"{request.Scheme}://{request.Host}{request.PathBase}/api/identity";
        return TypedResults.Ok(new Dictionary<string, object>
        {
            ["issuer"] = auth.Issuer,
            ["jwks_uri"] = baseUrl + "/.well-known/jwks.json",
            ["token_endpoint"] = baseUrl + "/connect/token",
            ["revocation_endpoint"] = baseUrl + "/connect/revoke",
            ["grant_types_supported"] = new[] { "password", "refresh_token", "client_credentials" },
            ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_basic", "none" },
            ["response_types_supported"] = new[] { "token" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["claims_supported"] = new[] { "sub", "role", "name", PlatformClaims.PatientIds, "amr" },
        });
    }

    public static Ok<Dictionary<string, object>> Jwks(HttpResponse response, SigningKeyRing keys)
    {
        response.Headers.CacheControl = "public, max-age=300";
        return TypedResults.Ok(new Dictionary<string, object> { ["keys"] = keys.Published.Select(k => k.ToJwk()).ToList() });
    }
}
