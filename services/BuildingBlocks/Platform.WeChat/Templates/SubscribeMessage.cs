using System.Text.Json.Nodes;

namespace Platform.WeChat.Templates;

/// <summary>Payload of POST /cgi-bin/message/subscribe/bizsend (one-time/long-term subscription notice).</summary>
public sealed class SubscribeMessage(string toUser, string templateId)
{
    public string ToUser { get; } = toUser;
    public string TemplateId { get; } = templateId;
    public string? Page { get; private set; }
    public (string AppId, string PagePath)? MiniProgram { get; private set; }
    public TemplateFields Data { get; } = new();

    /// <summary>The web page opened when the notice is tapped.</summary>
    public SubscribeMessage WithPage(string page)
    {
        Page = page;
        return this;
    }

    public SubscribeMessage WithMiniProgram(string appId, string pagePath)
    {
        MiniProgram = (appId, pagePath);
        return this;
    }

    public SubscribeMessage Field(string key, string value)
    {
        Data.Add(key, value);
        return this;
    }

    public JsonObject ToPayload()
    {
        if (Data.Fields.Count == 0) throw new InvalidOperationException("A subscription message needs at least one field.");
        var payload = new JsonObject { ["touser"] = ToUser, ["template_id"] = TemplateId };
        if (Page is not null) payload["page"] = Page;
        if (MiniProgram is { } mp) payload["miniprogram"] = new JsonObject { ["appid"] = mp.AppId, ["pagepath"] = mp.PagePath };
        payload["data"] = Data.ToJson();
        return payload;
    }
}
