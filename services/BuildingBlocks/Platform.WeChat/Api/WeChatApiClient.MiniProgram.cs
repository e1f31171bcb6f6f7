using System.Text.Json.Nodes;
using Platform.WeChat.MiniProgram;
using Platform.WeChat.Templates;

namespace Platform.WeChat.Api;

/// <summary>The mini-program's server API; a client built with the mini-program's appid, secret and access token.</summary>
public sealed partial class WeChatApiClient
{
    /// <summary>GET /sns/jscode2session: trades the code of <c>wx.login</c> for the openid, unionid and session key.</summary>
    public async Task<JsCodeSession> ExchangeJsCodeAsync(string jsCode, CancellationToken ct = default)
    {
        const string path = "sns/jscode2session";
        var json = await SendAsync(HttpMethod.Get, path, Query(("appid", options.AppId), ("secret", options.AppSecret),
            ("js_code", jsCode), ("grant_type", "authorization_code")), null, ct);
        return Read<JsCodeSession>(json, path);
    }

    /// <summary>POST /wxa/business/getuserphonenumber: resolves the code of the getPhoneNumber button.</summary>
    public async Task<PhoneInfo> GetUserPhoneNumberAsync(string code, CancellationToken ct = default)
    {
        const string path = "wxa/business/getuserphonenumber";
        var json = await SendWithAccessTokenAsync(HttpMethod.Post, path, "", new JsonObject { ["code"] = code }, ct);
        return Read<UserPhoneNumberResult>(json, path).PhoneInfo;
    }

    /// <summary>A mini-program subscribe message; needs a client built with the mini-program's appid and token source.
    /// WeChat answers 43101 when the user holds no grant for the template, 47003 when a keyword value breaks its rule.</summary>
    public async Task<long?> SendMiniProgramSubscribeMessageAsync(MiniProgramSubscribeMessage message, CancellationToken ct = default)
    {
        var json = await SendWithAccessTokenAsync(HttpMethod.Post, "cgi-bin/message/subscribe/send", "", message.ToPayload(), ct);
        return json["msgid"] is { } id && long.TryParse(id.ToString(), out var msgId) ? msgId : null;
    }
}
