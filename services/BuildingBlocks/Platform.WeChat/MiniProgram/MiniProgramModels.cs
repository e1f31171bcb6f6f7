using System.Text.Json.Serialization;

namespace Platform.WeChat.MiniProgram;

/// <summary>Answer of /sns/jscode2session. The session key signs and encrypts the user's data for this app: it stays on
/// the server and is never handed to the client or logged.</summary>
public sealed record JsCodeSession
{
    [JsonPropertyName("openid")] public required string OpenId { get; init; }
    [JsonPropertyName("session_key")] public required string SessionKey { get; init; }
    [JsonPropertyName("unionid")] public string? UnionId { get; init; }

    public override string ToString() => "JsCodeSession { OpenId = ****, SessionKey = **** }";
}

/// <summary>Answer of /wxa/business/getuserphonenumber.</summary>
public sealed record UserPhoneNumberResult
{
    [JsonPropertyName("phone_info")] public required PhoneInfo PhoneInfo { get; init; }
}

public sealed record PhoneInfo
{
    /// <summary>With the country code for numbers outside mainland China.</summary>
    [JsonPropertyName("phoneNumber")] public required string PhoneNumber { get; init; }
    [JsonPropertyName("purePhoneNumber")] public required string PurePhoneNumber { get; init; }
    [JsonPropertyName("countryCode")] public required string CountryCode { get; init; }
    [JsonPropertyName("watermark")] public required PhoneWatermark Watermark { get; init; }
}

/// <summary>Which app the number was granted to, and when (Unix seconds).</summary>
public sealed record PhoneWatermark
{
    [JsonPropertyName("appid")] public required string AppId { get; init; }
    [JsonPropertyName("timestamp")] public long Timestamp { get; init; }
}
