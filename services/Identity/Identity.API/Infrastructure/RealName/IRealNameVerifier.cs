namespace Identity.API.Infrastructure.RealName;

/// <summary>The real-name verification authority: does this name belong to this ID number (and card, and phone)?</summary>
public interface IRealNameVerifier
{
    Task<RealNameResult> VerifyAsync(RealNameCheck check, CancellationToken ct);
}

public enum RealNameCheckKind { IdCard, BankCard, SocialSecurityCard }

public sealed record RealNameCheck(RealNameCheckKind Kind, string Name, string IdNumber, string? CardNumber = null, string? Phone = null);

public enum RealNameOutcome { Match, Mismatch, Unavailable }

public sealed record RealNameResult(RealNameOutcome Outcome, string? RequestId = null);

public sealed class RealNameOptions
{
    public string BaseUrl { get; set; } = "http://127.0.0.1:5303";
    public string Secret { get; set; } = "";
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(3);
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(8);
    public int Retries { get; set; } = 2;
}
