using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Problems;
using Platform.WeChat.MiniProgram;

namespace WeChat.Gateway.Application.MiniProgram;

public sealed record VerifiedPhoneNumber(string PhoneNumber, string CountryCode);

/// <summary>Resolves the getPhoneNumber button's code for Identity. A number counts as verified only when WeChat's
/// watermark names our mini-program and was stamped just now; anything else is refused, never passed on.</summary>
public sealed class MiniProgramPhoneNumbers(MiniProgramClientFactory clients, IOptions<MiniProgramOptions> options, TimeProvider time,
    ILogger<MiniProgramPhoneNumbers> logger)
{
    public static ProblemException InvalidCode() => new(400, "phone_code_invalid", "手机号授权已失效，请重新授权");

    public static ProblemException Unverified() => new(400, "phone_unverified", "手机号授权校验未通过，请在本小程序内重新授权");

    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    public async Task<VerifiedPhoneNumber> ResolveAsync(string code, CancellationToken ct)
    {
        var info = await WeChatCalls.GuardAsync(() => clients.WithAccessToken().GetUserPhoneNumberAsync(code, ct), InvalidCode, logger);
        var stamped = DateTimeOffset.FromUnixTimeSeconds(info.Watermark.Timestamp);
        var now = time.GetUtcNow();
        if (!string.Equals(info.Watermark.AppId, options.Value.AppId, StringComparison.Ordinal)
            || stamped < now - options.Value.PhoneWatermarkMaxAge || stamped > now + ClockSkew)
        {
            logger.LogWarning("A phone number grant failed the watermark check (appid matches: {AppIdMatches})",
                info.Watermark.AppId == options.Value.AppId);
            throw Unverified();
        }
        if (string.IsNullOrEmpty(info.PurePhoneNumber) || string.IsNullOrEmpty(info.CountryCode)) throw Unverified();
        return new VerifiedPhoneNumber(info.PurePhoneNumber, info.CountryCode);
    }
}
