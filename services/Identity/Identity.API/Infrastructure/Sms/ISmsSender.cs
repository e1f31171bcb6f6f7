namespace Identity.API.Infrastructure.Sms;

/// <summary>The SMS gateway. Templates are registered with the provider; only their parameters travel.</summary>
public interface ISmsSender
{
    Task SendAsync(string phone, string template, IReadOnlyDictionary<string, string> parameters, CancellationToken ct);
}

public sealed class SmsOptions
{
    public string BaseUrl { get; set; } = "http://127.0.0.1:5302";
    public string ApiKey { get; set; } = "";
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);
}

public sealed class SmsDeliveryException(string message) : Exception(message);
