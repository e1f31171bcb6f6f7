using System.Text.Json.Nodes;

namespace Platform.WeChat.Templates;

/// <summary>Payload of POST /cgi-bin/message/template/send (service-account template message).</summary>
public sealed class TemplateMessage(string toUser, string templateId)
{
    public string ToUser { get; } = toUser;
    public string TemplateId { get; } = templateId;
    public string? Url { get; private set; }
    public (string AppId, string PagePath)? MiniProgram { get; private set; }
    public string? ClientMsgId { get; private set; }
    public TemplateFields Data { get; } = new();

    public TemplateMessage WithUrl(string url)
    {
        Url = url;
        return this;
    }

    public TemplateMessage WithMiniProgram(string appId, string pagePath)
    {
        MiniProgram = (appId, pagePath);
        return this;
    }

    public TemplateMessage WithClientMsgId(string clientMsgId)
    {
        ClientMsgId = Templates.ClientMsgId.Validate(clientMsgId);
        return this;
    }

    public TemplateMessage Field(string key, string value)
    {
        Data.Add(key, value);
        return this;
    }

    public JsonObject ToPayload()
    {
        if (Data.Fields.Count == 0) throw new InvalidOperationException("A template message needs at least one field.");
        var payload = new JsonObject { ["touser"] = ToUser, ["template_id"] = TemplateId };
        if (Url is not null) payload["url"] = Url;
        if (MiniProgram is { } mp) payload["miniprogram"] = new JsonObject { ["appid"] = mp.AppId, ["pagepath"] = mp.PagePath };
        if (ClientMsgId is not null) payload["client_msg_id"] = ClientMsgId;
        payload["data"] = Data.ToJson();
        return payload;
    }
}
