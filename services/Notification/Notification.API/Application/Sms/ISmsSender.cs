namespace Notification.API.Application.Sms;

/// <summary>Sends one SMS through the provider. Never throws for provider answers: the result says whether trying
/// again may help.</summary>
public interface ISmsSender
{
    Task<SmsSendResult> SendAsync(string phone, string template, IReadOnlyDictionary<string, string> parameters, CancellationToken ct);
}

public sealed record SmsSendResult(bool Sent, string? ProviderMessageId, string? Error, bool Permanent)
{
    public static SmsSendResult Ok(string? id) => new(true, id, null, false);
    public static SmsSendResult Transient(string error) => new(false, null, error, false);
    public static SmsSendResult Rejected(string error) => new(false, null, error, true);
}

/// <summary>Section <c>Sms</c>. Without BaseUrl, the stack's <c>Endpoints:sms</c> (the simulator) is used.</summary>
public sealed class SmsOptions
{
    public string? BaseUrl { get; set; }
    public string ApiKey { get; set; } = "";

    /// <summary>The provider template carrying free text, and its parameter name.</summary>
    public string Template { get; set; } = "notice";
    public string TextParameter { get; set; } = "text";
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);
}
