using System.Text.Json.Serialization;

namespace Platform.WeChat.Api;

/// <summary>Answer of /cgi-bin/token and /cgi-bin/stable_token.</summary>
public sealed record AccessTokenResult
{
    [JsonPropertyName("access_token")] public required string AccessToken { get; init; }
    [JsonPropertyName("expires_in")] public int ExpiresIn { get; init; }
}

public sealed record JsApiTicketResult
{
    [JsonPropertyName("ticket")] public required string Ticket { get; init; }
    [JsonPropertyName("expires_in")] public int ExpiresIn { get; init; }
}

/// <summary>A custom-menu button; "type" is click, view, miniprogram, …; sub_button holds up to 5 children.</summary>
public sealed record MenuButton
{
    [JsonPropertyName("type"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Type { get; init; }
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("key"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Key { get; init; }
    [JsonPropertyName("url"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Url { get; init; }
    [JsonPropertyName("appid"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? AppId { get; init; }
    [JsonPropertyName("pagepath"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? PagePath { get; init; }
    [JsonPropertyName("sub_button"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<MenuButton>? SubButtons { get; init; }

    public static MenuButton Click(string name, string key) => new() { Type = "click", Name = name, Key = key };
    public static MenuButton View(string name, string url) => new() { Type = "view", Name = name, Url = url };
    public static MenuButton Group(string name, params MenuButton[] children) => new() { Name = name, SubButtons = children };
}
