using System.Text.Json.Nodes;

namespace Platform.WeChat.Templates;

/// <summary>Payload of a mini-program's POST /cgi-bin/message/subscribe/send: the keywords of a template the user
/// granted with wx.requestSubscribeMessage, shaped by <see cref="TemplateFieldRules"/> (thing cut to 20 characters …).</summary>
public sealed class MiniProgramSubscribeMessage(string toUser, string templateId)
{
    public static readonly string[] States = ["developer", "trial", "formal"];

    public string ToUser { get; } = toUser;
    public string TemplateId { get; } = templateId;
    public string? Page { get; private set; }
    public string State { get; private set; } = "formal";
    public string Lang { get; private set; } = "zh_CN";
    public TemplateFields Data { get; } = new();

    /// <summary>The mini-program page (with query) opened when the message is tapped.</summary>
    public MiniProgramSubscribeMessage WithPage(string page)
    {
        Page = page;
        return this;
    }

    /// <summary>Which build the tap opens: developer, trial or formal.</summary>
    public MiniProgramSubscribeMessage WithState(string state, string lang = "zh_CN")
    {
        if (!States.Contains(state)) throw new ArgumentException($"miniprogram_state must be one of {string.Join(", ", States)}.", nameof(state));
        State = state;
        Lang = lang;
        return this;
    }

    public MiniProgramSubscribeMessage Field(string key, string value)
    {
        Data.Add(key, value);
        return this;
    }

    public JsonObject ToPayload()
    {
        if (Data.Fields.Count == 0) throw new InvalidOperationException("A subscribe message needs at least one keyword.");
        var payload = new JsonObject { ["touser"] = ToUser, ["template_id"] = TemplateId };
        if (Page is not null) payload["page"] = Page;
        payload["data"] = Data.ToJson();
        payload["miniprogram_state"] = State;
        payload["lang"] = Lang;
        return payload;
    }
}
