namespace Platform.ServiceDefaults.Sms;

/// <summary>Sends one SMS through the provider. Never throws for provider answers: the result says whether trying
/// again may help. Templates are registered with the provider; only their parameters travel.</summary>
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
