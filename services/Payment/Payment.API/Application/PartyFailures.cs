using Platform.ServiceDefaults.Http;
using Platform.WeChat.Pay;

namespace Payment.API.Application;

/// <summary>A call to WeChat Pay, Identity, the HIS adapter or the e-invoice platform that failed for a reason worth
/// "try again later": the platform's transient failures, an answer we could not prove came from WeChat Pay, or
/// HttpClient's own timeout.</summary>
public static class PartyFailures
{
    public static bool IsUnreachable(Exception e) =>
        HttpFailures.IsTransient(e) || e is WeChatPaySignatureException or TaskCanceledException { InnerException: TimeoutException };
}
