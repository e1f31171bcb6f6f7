using Platform.WeChat.Templates;

namespace Platform.WeChat.Api;

public sealed partial class WeChatApiClient
{
    /// <summary>A mini-program subscribe message; needs a client built with the mini-program's appid and token source.
    /// WeChat answers 43101 when the user holds no grant for the template, 47003 when a keyword value breaks its rule.</summary>
    public async Task<long?> SendMiniProgramSubscribeMessageAsync(MiniProgramSubscribeMessage message, CancellationToken ct = default)
    {
        var json = await SendWithAccessTokenAsync(HttpMethod.Post, "cgi-bin/message/subscribe/send", "", message.ToPayload(), ct);
        return json["msgid"] is { } id && long.TryParse(id.ToString(), out var msgId) ? msgId : null;
    }
}
