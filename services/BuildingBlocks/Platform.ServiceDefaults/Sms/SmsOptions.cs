namespace Platform.ServiceDefaults.Sms;

/// <summary>Section <c>Sms</c>. Without BaseUrl, the stack's <c>Endpoints:sms</c> (the simulator) is used.</summary>
public sealed class SmsOptions
{
    public string? BaseUrl { get; set; }
    public string ApiKey { get; set; } = "";

    /// <summary>The whole call, never repeated: a send is a POST, and whoever asked decides whether to try again.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);
}
