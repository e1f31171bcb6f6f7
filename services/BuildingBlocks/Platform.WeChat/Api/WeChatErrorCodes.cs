namespace Platform.WeChat.Api;

/// <summary>The WeChat global return codes this platform reacts to.</summary>
public static class WeChatErrorCodes
{
    public const int SystemBusy = -1;
    public const int Ok = 0;
    public const int InvalidCredential = 40001;
    public const int InvalidOpenId = 40003;
    public const int InvalidAppId = 40013;
    public const int InvalidAccessToken = 40014;
    public const int InvalidCode = 40029;
    public const int CodeAlreadyUsed = 40163;
    public const int AccessTokenExpired = 42001;
    public const int RequireSubscribe = 43004;
    public const int UserRefusedSubscription = 43101;
    public const int ApiDailyQuotaReached = 45009;
    public const int ApiMinuteQuotaReached = 45011;
    public const int CustomerServiceWindowClosed = 45015;
    public const int CustomerServiceQuotaReached = 45047;
    public const int ArgumentInvalid = 47003;

    /// <summary>The token itself is bad or stale: refreshing it and retrying once is the documented remedy.</summary>
    public static bool IsAccessTokenInvalid(int code) =>
        code is InvalidCredential or AccessTokenExpired or InvalidAccessToken;

    public static bool IsRateLimited(int code) =>
        code is ApiDailyQuotaReached or ApiMinuteQuotaReached or CustomerServiceQuotaReached;
}
