using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Payment.API.Application;
using Payment.API.Infrastructure;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;

namespace Payment.API.Apis;

public sealed record InsuranceAuthorization(string AuthorizeUrl);

public sealed record InsuranceTokenRequest(string? EcToken, string? State);

/// <summary>医保移动支付 (X02): the insured part of a bill through medical insurance with the 医保电子凭证, the rest through
/// WeChat Pay.</summary>
public static class InsuranceApi
{
    public static IEndpointRouteBuilder MapInsuranceApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/payment/orders/{id:guid}/insurance").WithTags("医保支付").RequireAuthorization(PlatformRoles.Patient);
        api.MapPost("/authorize", Authorize).WithName("AuthorizeInsurance").WithSummary("医保电子凭证授权：返回授权页地址");
        api.MapPost("/", PreSettle).WithName("PreSettleInsurance").WithSummary("以授权结果进行医保预结算（按项目拆分统筹、个人账户、自付）");
        api.MapPost("/confirm", Confirm).WithName("ConfirmInsurance").WithSummary("医保全额支付的账单：确认结算");
        return app;
    }

    public static async Task<Ok<InsuranceAuthorization>> Authorize(Guid id, ClaimsPrincipal user, InsuranceCheckout checkout, CancellationToken ct) =>
        TypedResults.Ok(new InsuranceAuthorization(await checkout.AuthorizeAsync(user.AccountId(), id, ct)));

    public static async Task<Ok<OrderDto>> PreSettle(Guid id, InsuranceTokenRequest? body, ClaimsPrincipal user, InsuranceCheckout checkout,
        PaymentDbContext db, CancellationToken ct)
    {
        var errors = new Validation();
        if (!Token(body?.EcToken)) errors.Add("ecToken", "医保电子凭证授权结果不正确，请重新授权");
        if (!Token(body?.State)) errors.Add("state", "医保授权状态不正确，请重新发起医保支付");
        errors.ThrowIfAny();
        var order = await checkout.PreSettleAsync(user.AccountId(), id, body!.EcToken!, body.State!, ct);
        return TypedResults.Ok((await db.ToDtosAsync([order], ct))[0]);
    }

    public static async Task<Ok<OrderDto>> Confirm(Guid id, ClaimsPrincipal user, InsuranceCheckout checkout, PaymentDbContext db,
        CancellationToken ct)
    {
        var order = await checkout.ConfirmAsync(user.AccountId(), id, ct);
        return TypedResults.Ok((await db.ToDtosAsync([order], ct))[0]);
    }

    private static bool Token(string? value) =>
        value is { Length: > 0 and <= 200 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
