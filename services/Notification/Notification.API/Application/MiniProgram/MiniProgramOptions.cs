namespace Notification.API.Application.MiniProgram;

/// <summary>Section <c>Notification:MiniProgram</c>: the subscribe-message templates registered on the mini-program,
/// per message category. A category without one is never sent as a mini-program message.</summary>
public sealed class MiniProgramOptions
{
    public const string Section = "Notification:MiniProgram";

    public Dictionary<string, MiniProgramTemplate> Templates { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The mini-program page a message opens (the message centre); "?messageId=" is appended.</summary>
    public string Page { get; set; } = "pages/messages/index";

    public MiniProgramTemplate? ForCategory(string category) =>
        Templates.TryGetValue(category, out var t) && !string.IsNullOrWhiteSpace(t.TemplateId) ? t : null;

    public MiniProgramTemplate? ForTemplateId(string templateId) =>
        Templates.Values.FirstOrDefault(t => t.TemplateId == templateId);
}

public sealed class MiniProgramTemplate
{
    public string TemplateId { get; set; } = "";

    /// <summary>The template's title as registered (预约成功, 就诊提醒 …), shown by the client.</summary>
    public string Title { get; set; } = "";

    /// <summary>"one-time" or "long-term" (long-term templates are granted to some industries only, medical among them).</summary>
    public string Kind { get; set; } = MiniProgramTemplateKind.OneTime;

    /// <summary>Keyword → source: "title", "body", "time" (the message's time), "category", or "=literal".
    /// The keyword's own type (thing, time, phrase …) decides how the value is shaped.</summary>
    public Dictionary<string, string> Keywords { get; set; } = new(StringComparer.Ordinal);

    public bool IsLongTerm => Kind == MiniProgramTemplateKind.LongTerm;
}

public static class MiniProgramTemplateKind
{
    public const string OneTime = "one-time";
    public const string LongTerm = "long-term";
}
