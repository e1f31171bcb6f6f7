namespace Notification.API.Application;

/// <summary>Section <c>Notification</c>.</summary>
public sealed class NotificationOptions
{
    /// <summary>Where WeChat template messages link to: the patient app's public address, deep links appended.</summary>
    public string PatientAppBaseUrl { get; set; } = "http://127.0.0.1:8080";

    /// <summary>Template id per message category, as registered on the service account. A category without one is
    /// not sent over WeChat.</summary>
    public Dictionary<string, string> WeChatTemplates { get; set; } = new(StringComparer.Ordinal);

    public int CatchUpLimit { get; set; } = 50;

    public DeliveryOptions Delivery { get; set; } = new();
}

public sealed class DeliveryOptions
{
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    public int BatchSize { get; set; } = 20;
    public int MaxAttempts { get; set; } = 8;
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a claimed delivery is held while the provider is called; past it, a worker that died is
    /// presumed gone and the delivery is claimed again.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long to wait for the WeChat gateway's outcome before asking again (it sends each id once).</summary>
    public TimeSpan WeChatOutcomeTimeout { get; set; } = TimeSpan.FromMinutes(10);
}
