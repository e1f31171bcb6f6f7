using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.WeChat.Templates;

namespace Platform.WeChat.Api;

public sealed partial class WeChatApiClient
{
    public async Task CreateMenuAsync(IReadOnlyList<MenuButton> buttons, CancellationToken ct = default)
    {
        if (buttons.Count is 0 or > 3) throw new ArgumentException("A menu has 1..3 top-level buttons.", nameof(buttons));
        var body = new JsonObject { ["button"] = JsonSerializer.SerializeToNode(buttons, SerializerOptions) };
        await SendWithAccessTokenAsync(HttpMethod.Post, "cgi-bin/menu/create", "", body, ct);
    }

    /// <summary>Returns WeChat's msgid, which the TEMPLATESENDJOBFINISH event later reports on.</summary>
    public async Task<long> SendTemplateMessageAsync(TemplateMessage message, CancellationToken ct = default)
    {
        var json = await SendWithAccessTokenAsync(HttpMethod.Post, "cgi-bin/message/template/send", "", message.ToPayload(), ct);
        return json["msgid"]?.GetValue<long>() ?? 0;
    }

    public async Task SendSubscribeMessageAsync(SubscribeMessage message, CancellationToken ct = default) =>
        await SendWithAccessTokenAsync(HttpMethod.Post, "cgi-bin/message/subscribe/bizsend", "", message.ToPayload(), ct);

    /// <summary>Sends a payload built by <see cref="CustomerServiceMessage"/>.</summary>
    public async Task SendCustomMessageAsync(JsonObject payload, CancellationToken ct = default) =>
        await SendWithAccessTokenAsync(HttpMethod.Post, "cgi-bin/message/custom/send", "", payload, ct);
}
