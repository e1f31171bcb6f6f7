using System.Text.RegularExpressions;
using Identity.API.Application.Agreements;
using Identity.API.Domain;
using Platform.ServiceDefaults.Problems;

namespace Identity.API.Application.Accounts;

/// <summary>The phone is proved by an SMS code (<paramref name="Phone"/> and <paramref name="SmsCode"/>) or, in the
/// mini-program, by the code of WeChat's phone button (<paramref name="WeChatPhoneCode"/>, instead of both).</summary>
public sealed partial record RegistrationRequest(string? Phone, string? SmsCode, string? Username, string? Password,
    List<AcceptedAgreement>? AcceptedAgreements, string? WeChatPhoneCode = null)
{
    public bool ByWeChatPhone => !string.IsNullOrEmpty(WeChatPhoneCode);

    public void Validate()
    {
        var v = new Validation();
        if (ByWeChatPhone)
        {
            if (WeChatPhoneCode!.Length > 128) v.Add("weChatPhoneCode", "手机号授权无效，请重新授权");
        }
        else
        {
            v.Required("phone", Phone, "手机号")
                .Matches("phone", Phone, Fields.MobilePattern(), "请输入正确的11位手机号")
                .Required("smsCode", SmsCode, "短信验证码")
                .Matches("smsCode", SmsCode, SmsCodePattern(), "短信验证码应为6位数字");
        }
        v.Required("username", Username, "用户名")
            .Matches("username", Username, UsernamePattern(), "用户名应为4-20位字母、数字或下划线");
        if (Username is { Length: > 0 } u && u.All(char.IsAsciiDigit)) v.Add("username", "用户名不能全为数字");
        v.CheckPassword("password", Password, Username, Phone);
        if (AcceptedAgreements is { Count: > 10 } || AcceptedAgreements?.Any(a => a is null
                || !AgreementKind.All.Contains(a.Kind) || a.Version is not { Length: > 0 and <= 20 }) == true)
            v.Add("acceptedAgreements", "协议信息不正确");
        v.ThrowIfAny();
    }

    [GeneratedRegex(@"^\d{6}$")]
    private static partial Regex SmsCodePattern();

    [GeneratedRegex(@"^[A-Za-z0-9_]{4,20}$")]
    private static partial Regex UsernamePattern();
}

public sealed record SmsCodeRequest(string? Phone, string? Purpose);

public sealed record SmsCodeSent(bool Sent, int ResendAfterSeconds);

public sealed record RegistrationResult(Guid AccountId, Tokens.TokenResponse Tokens);

/// <summary>Username and password, or the <c>mfaToken</c> a WeChat sign-in answered with.</summary>
public sealed record MfaSmsRequest(string? Username, string? Password, string? MfaToken = null);
