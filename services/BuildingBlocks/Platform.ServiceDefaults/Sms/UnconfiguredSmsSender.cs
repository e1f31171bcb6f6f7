using Microsoft.Extensions.Logging;

namespace Platform.ServiceDefaults.Sms;

/// <summary>Used while neither Sms:BaseUrl nor Endpoints:sms is set: every attempt fails as retryable, so whoever
/// asked can say so (or try again once the provider is configured).</summary>
internal sealed class UnconfiguredSmsSender(ILogger<UnconfiguredSmsSender> logger) : ISmsSender
{
    public Task<SmsSendResult> SendAsync(string phone, string template, IReadOnlyDictionary<string, string> parameters, CancellationToken ct)
    {
        logger.LogWarning("SMS not sent: no provider configured (Sms:BaseUrl)");
        return Task.FromResult(SmsSendResult.Transient("未配置短信服务 Sms:BaseUrl"));
    }
}
