using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.WeChat.Api;

/// <summary>
/// Calls the WeChat Official Account server API. Calls that carry the account access token are retried once
/// with a refreshed token when WeChat says the token is invalid (40001, 42001, 40014).
/// </summary>
public sealed partial class WeChatApiClient(HttpClient http, WeChatApiOptions options, IAccessTokenSource? tokens = null)
{
    private readonly Uri _base = EnsureTrailingSlash(options.ApiBaseAddress);

    private async Task<JsonObject> SendWithAccessTokenAsync(
        HttpMethod method, string path, string query, JsonNode? body, CancellationToken ct)
    {
        if (tokens is null)
            throw new InvalidOperationException("This call needs an IAccessTokenSource.");

        var token = await tokens.GetAccessTokenAsync(ct);
        try
        {
            return await SendAsync(method, path, WithToken(query, token), body, ct);
        }
        catch (WeChatApiException ex) when (ex.IsAccessTokenInvalid)
        {
            var fresh = await tokens.RefreshAccessTokenAsync(token, ct);
            return await SendAsync(method, path, WithToken(query, fresh), body, ct);
        }
    }

    private async Task<JsonObject> SendAsync(HttpMethod method, string path, string query, JsonNode? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, new Uri(_base, path + (query.Length > 0 ? "?" + query : "")));
        if (body is not null)
            request.Content = JsonContent.Create(body, options: SerializerOptions);

        using var response = await http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        var text = await response.Content.ReadAsStringAsync(ct);
        var json = ParseObject(text, path);

        var errCode = json["errcode"]?.GetValue<int>() ?? WeChatErrorCodes.Ok;
        if (errCode != WeChatErrorCodes.Ok)
            throw WeChatApiException.Create(errCode, json["errmsg"]?.GetValue<string>() ?? "", path);
        return json;
    }

    private static JsonObject ParseObject(string text, string path)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject
                ?? throw new WeChatApiException(WeChatErrorCodes.SystemBusy, "response is not a JSON object", path);
        }
        catch (JsonException)
        {
            throw new WeChatApiException(WeChatErrorCodes.SystemBusy, "response is not JSON", path);
        }
    }

    private static T Read<T>(JsonObject json, string path) =>
        json.Deserialize<T>(SerializerOptions)
        ?? throw new WeChatApiException(WeChatErrorCodes.SystemBusy, "empty response", path);

    private static string WithToken(string query, string token) =>
        "access_token=" + Uri.EscapeDataString(token) + (query.Length > 0 ? "&" + query : "");

    private static string Query(params (string Name, string Value)[] pairs) =>
        string.Join('&', pairs.Select(p => p.Name + "=" + Uri.EscapeDataString(p.Value)));

    private static Uri EnsureTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");

    /// <summary>WeChat rejects \uXXXX-escaped Chinese in some endpoints' length checks; send UTF-8 as is.</summary>
    internal static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = null,
    };
}
