namespace WeChat.Gateway.Application.Credentials;

public sealed record StoredCredential(string Value, DateTimeOffset ObtainedAt, DateTimeOffset RefreshAt, DateTimeOffset ExpiresAt)
{
    /// <summary>Stops handing out a value shortly before WeChat stops accepting it, so a call in flight still lands.</summary>
    public bool IsUsableAt(DateTimeOffset now) => now < ExpiresAt - SafetyMargin;

    private TimeSpan SafetyMargin => TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(30).Ticks, (ExpiresAt - ObtainedAt).Ticks / 20));
}

public sealed record FetchedCredential(string Value, int ExpiresInSeconds);
