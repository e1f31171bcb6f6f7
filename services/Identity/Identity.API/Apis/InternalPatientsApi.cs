using Identity.API.Application.Patients;
using Identity.API.Application.Tokens;
using Identity.API.Application.WeChat;
using Identity.API.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Security.Encryption;
using Platform.ServiceDefaults.Problems;

namespace Identity.API.Apis;

/// <summary>Service-to-service reads of what integration events no longer carry. Only an integration client holding the
/// <see cref="InternalScopes.PatientIdentifiers"/> scope gets in; a patient's or a doctor's token is refused.</summary>
public static class InternalPatientsApi
{
    public sealed record WeChatPayer(string OpenId);

    public static IEndpointRouteBuilder MapInternalPatientsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/identity/internal/patients").WithTags("内部接口")
            .RequireAuthorization(InternalScopes.PatientIdentifiers);
        api.MapGet("/{id:guid}", Get).WithName("GetPatientIdentifiers").WithSummary("就诊人证件号与手机号（仅限授权的内部服务）");
        app.MapGroup("/api/identity/internal/accounts").WithTags("内部接口").RequireAuthorization(InternalScopes.PatientIdentifiers)
            .MapGet("/{id:guid}/wechat-payer", GetWeChatPayer).WithName("GetWeChatPayer").WithSummary("账号绑定的微信 openid（微信支付 JSAPI 下单用）");
        return app;
    }

    public static async Task<Ok<PatientIdentifiers>> Get(Guid id, IdentityDbContext db, IFieldEncryptor encryptor, HttpContext http,
        CancellationToken ct)
    {
        var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw ProblemException.NotFound("就诊人");
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(PatientIdentifiers.From(patient, encryptor));
    }

    /// <summary>The openid WeChat Pay needs as the JSAPI payer; 404 when the account has no WeChat binding (pay by QR code).
    /// <c>?app=miniprogram</c> answers the mini-program's openid (a mini-program payment is made with its own appid).</summary>
    public static async Task<Ok<WeChatPayer>> GetWeChatPayer(Guid id, string? app, IdentityDbContext db, IFieldEncryptor encryptor,
        HttpContext http, CancellationToken ct)
    {
        var account = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        var miniProgram = app == WeChatApps.MiniProgram;
        var encrypted = miniProgram ? account?.MiniProgramOpenIdEncrypted : account?.WeChatOpenIdEncrypted;
        if (account is null || encrypted is null) throw ProblemException.NotFound("微信绑定");
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new WeChatPayer(encryptor.Decrypt(encrypted,
            WeChatAccountLinks.OpenIdContext(account, miniProgram ? WeChatApps.MiniProgram : WeChatApps.ServiceAccount))));
    }
}
