namespace Platform.WeChat.Templates;

/// <summary>A template/subscription field value WeChat would reject (errcode 47003) and that cannot be shortened safely.</summary>
public sealed class TemplateFieldException(string key, TemplateFieldKind kind, string reason)
    : Exception($"Template field '{key}' ({kind}): {reason}")
{
    public string Key { get; } = key;
    public TemplateFieldKind Kind { get; } = kind;
    public string Reason { get; } = reason;
}
