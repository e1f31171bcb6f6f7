using System.Text.Json.Serialization;

namespace Identity.API.Application.Tokens;

/// <summary>RFC 6749 §5.1 token response.</summary>
public sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("refresh_token"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RefreshToken,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("token_type")] string TokenType = "Bearer");

/// <summary>Who a token is for: an account (with the patients it acts for) or an integration client.</summary>
public sealed record TokenSubject(string Subject, string Role, string Name, IReadOnlyList<Guid> PatientIds, IReadOnlyList<string> Amr);
