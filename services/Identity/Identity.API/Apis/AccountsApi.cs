using Identity.API.Application;
using Identity.API.Application.Accounts;
using Identity.API.Application.Login;
using Identity.API.Application.Sms;
using Identity.API.Application.WeChat;
using Identity.API.Domain;
using Identity.API.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.RateLimiting;

namespace Identity.API.Apis;

public static class AccountsApi
{
    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/identity").WithTags("注册与验证码").RequireRateLimiting(RateLimitingSetup.Sensitive);
        api.MapPost("/sms-codes", RequestSmsCode).WithName("RequestSmsCode").WithSummary("获取短信验证码");
        api.MapPost("/accounts", Register).WithName("Register").WithSummary("注册账号");
        api.MapPost("/mfa/sms", RequestLoginCode).WithName("RequestLoginSmsCode").WithSummary("密码验证后发送登录短信验证码");
        return app;
    }

    /// <summary>Same answer for registered and unknown numbers; only the rate limits can refuse.</summary>
    public static async Task<Results<Accepted<SmsCodeSent>, ProblemHttpResult>> RequestSmsCode(SmsCodeRequest request, HttpContext http, SmsCodeService codes,
        IdentityDbContext db, IdentityHashes hashes, CancellationToken ct)
    {
        var v = new Validation().Required("phone", request.Phone, "手机号")
            .Matches("phone", request.Phone?.Trim(), Fields.MobilePattern(), "请输入正确的11位手机号");
        if (request.Purpose is null || !SmsPurpose.Requestable.Contains(request.Purpose)) v.Add("purpose", "验证码用途无效");
        v.ThrowIfAny();
        var phone = request.Phone!.Trim();
        var phoneHash = hashes.Phone(phone);
        var registered = await db.Accounts.AnyAsync(a => a.PhoneHash == phoneHash && a.ClosedAt == null, ct);
        var deliver = request.Purpose == SmsPurpose.Register || registered;
        return await Issue(http, () => codes.IssueAsync(phone, request.Purpose!, http.IpAddress(), deliver, ct));
    }

    public static async Task<Created<RegistrationResult>> Register(RegistrationRequest request, HttpContext http, Registration registration,
        CancellationToken ct)
    {
        var result = await registration.RegisterAsync(request, http.Channel(), http.IpAddress(), ct);
        return TypedResults.Created("/api/identity/me", result);
    }

    public static async Task<Results<Accepted<SmsCodeSent>, ProblemHttpResult>> RequestLoginCode(MfaSmsRequest request, HttpContext http,
        CredentialChecker credentials, SecondFactor secondFactor, SmsCodeService codes, WeChatSignIn wechat, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(request.MfaToken))
        {
            if (await wechat.AccountForMfaTokenAsync(request.MfaToken, ct) is not { SmsMfaEnabled: true, PhoneEncrypted: not null } bound)
                return TokenApi.Problem(TokenError.InvalidWeChatTicket);
            return await Issue(http,
                () => codes.IssueAsync(secondFactor.Phone(bound), SmsPurpose.SecondFactor, http.IpAddress(), deliver: true, ct));
        }
        var check = await credentials.CheckAsync(request.Username, request.Password, http.IpAddress(), ct);
        if (check.Account is null) return TokenApi.Problem(check.Refusal);
        if (check.Account is not { PhoneEncrypted: not null } account) return TokenApi.Problem(TokenError.InvalidCredentials);
        return await Issue(http,
            () => codes.IssueAsync(secondFactor.Phone(account), SmsPurpose.SecondFactor, http.IpAddress(), deliver: true, ct));
    }

    /// <summary>A refusal by the SMS limits answers 429 with Retry-After (set here: the exception handler would clear it).</summary>
    private static async Task<Results<Accepted<SmsCodeSent>, ProblemHttpResult>> Issue(HttpContext http, Func<Task<int>> issue)
    {
        try
        {
            return TypedResults.Accepted((string?)null, new SmsCodeSent(true, await issue()));
        }
        catch (RateLimitedException e)
        {
            http.Response.Headers.RetryAfter = e.RetryAfterSeconds.ToString();
            return TypedResults.Problem(e.Message, statusCode: 429, title: "请求过于频繁",
                extensions: new Dictionary<string, object?> { ["code"] = e.Code, ["retryAfterSeconds"] = e.RetryAfterSeconds });
        }
    }
}
