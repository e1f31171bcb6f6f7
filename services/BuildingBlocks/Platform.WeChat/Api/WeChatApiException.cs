namespace Platform.WeChat.Api;

/// <summary>WeChat answered with a non-zero errcode.</summary>
public class WeChatApiException(int errCode, string errMsg, string api)
    : Exception($"WeChat {api} failed: errcode={errCode}, errmsg={errMsg}")
{
    public int ErrCode { get; } = errCode;
    public string ErrMsg { get; } = errMsg;
    public string Api { get; } = api;
    public bool IsAccessTokenInvalid => WeChatErrorCodes.IsAccessTokenInvalid(ErrCode);
    public bool IsRateLimited => WeChatErrorCodes.IsRateLimited(ErrCode);

    public static WeChatApiException Create(int errCode, string errMsg, string api) => errCode switch
    {
        _ when WeChatErrorCodes.IsRateLimited(errCode) => new WeChatRateLimitException(errCode, errMsg, api),
        _ when WeChatErrorCodes.IsAccessTokenInvalid(errCode) => new WeChatAccessTokenInvalidException(errCode, errMsg, api),
        _ => new WeChatApiException(errCode, errMsg, api),
    };
}

/// <summary>A quota was hit (45009 daily, 45011 per minute, 45047 customer service); retrying now will not help.</summary>
public sealed class WeChatRateLimitException(int errCode, string errMsg, string api) : WeChatApiException(errCode, errMsg, api);

/// <summary>The access token was rejected even after one refresh, or no refresh was possible.</summary>
public sealed class WeChatAccessTokenInvalidException(int errCode, string errMsg, string api) : WeChatApiException(errCode, errMsg, api);
