using System.Security.Claims;
using Identity.API.Application.Sms;
using Identity.API.Application.Tokens;
using Identity.API.Domain;
using Identity.API.Infrastructure;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Platform.ServiceDefaults.Auth;

namespace Identity.API.Application.Login;

/// <summary>grant_type=sms_code: the patient proves the account's phone with a login code (purpose <c>login</c>, sent by
/// <c>POST /sms-codes</c> to registered numbers only). It does not go through the password throttle, so the owner signs
/// in even while strangers' guesses have locked password sign-in. The account's second factor still applies: the
/// authenticator when enrolled, else the password when the account asked for SMS on top of it. The code is spent only
/// once the whole sign-in passes, so a wrong second factor does not cost a new message.</summary>
public sealed class SmsSignIn(IdentityDbContext db, IdentityHashes hashes, SmsCodeService codes, SecondFactor secondFactor,
    CredentialChecker credentials, LoginThrottler throttler, TokenPrincipals principals)
{
    public const string GrantType = "sms_code";

    public static readonly TokenError InvalidCode = new("invalid_sms_code", "invalid_grant", "验证码错误", "短信验证码错误或已过期，请重新获取");

    public async Task<(ClaimsPrincipal? Principal, TokenError? Error)> GrantAsync(OpenIddictRequest request, string sourceIp,
        CancellationToken ct)
    {
        if (request.ClientId != "patient") return (null, TokenError.InvalidClient);
        var phone = ((string?)request["phone"])?.Trim() ?? "";
        if (!Fields.MobilePattern().IsMatch(phone)) return (null, InvalidCode);
        // Unknown numbers get no message, so no code can match: the same answer as a wrong code.
        if (await codes.MatchAsync(phone, SmsPurpose.Login, (string?)request["sms_code"], ct) is not { } codeId) return (null, InvalidCode);
        var phoneHash = hashes.Phone(phone);
        var account = await db.Accounts.FirstOrDefaultAsync(a => a.PhoneHash == phoneHash && a.ClosedAt == null, ct);
        if (account is null) return (null, InvalidCode);
        if (account.Role != PlatformRoles.Patient) return (null, TokenError.WrongPortal);

        var amr = new List<string> { "sms" };
        var methods = new List<string>();
        if (account.TotpEnabled) methods.Add("totp");
        if (account.SmsMfaEnabled) methods.Add("password");
        if (methods.Count > 0)
        {
            var method = (string?)request["otp_method"] is { Length: > 0 } m ? m : methods[0];
            if (!methods.Contains(method)) method = methods[0];
            if (method == "password")
            {
                if (string.IsNullOrEmpty(request.Password)) return (null, TokenError.MfaRequired(methods));
                var check = await credentials.CheckAsync(account, request.Password, sourceIp, ct);
                if (check.Outcome != CredentialOutcome.Valid) return (null, check.Refusal);
                amr.Add("pwd");
            }
            else
            {
                var otp = (string?)request["otp"];
                if (string.IsNullOrEmpty(otp)) return (null, TokenError.MfaRequired(methods));
                if (!await secondFactor.VerifyTotpAsync(account, otp, ct))
                {
                    var keys = throttler.KeysFor(CredentialChecker.ThrottleLogin(account, ""), sourceIp);
                    var verdict = await throttler.RecordFailureAsync(keys, ct);
                    return (null, verdict.State == ThrottleState.Locked ? TokenError.Locked : TokenError.InvalidOtp);
                }
                amr.Add("otp");
            }
        }
        if (!await codes.SpendAsync(codeId, ct)) return (null, InvalidCode);
        return (await principals.ForAccountAsync(account, amr, ct), null);
    }
}
