using System.Text.Json.Nodes;

namespace Platform.WeChat.Templates;

/// <summary>The "data" object shared by template and subscription messages: { "thing1": { "value": "…" }, … }.</summary>
public sealed class TemplateFields
{
    private readonly List<KeyValuePair<string, string>> _fields = [];

    public IReadOnlyList<KeyValuePair<string, string>> Fields => _fields;

    /// <summary>Adds a field after applying WeChat's rule for its type; throws TemplateFieldException when it cannot comply.</summary>
    public TemplateFields Add(string key, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (_fields.Any(f => f.Key == key))
            throw new ArgumentException($"Field '{key}' is already set.", nameof(key));
        _fields.Add(new(key, TemplateFieldRules.Normalize(key, value)));
        return this;
    }

    public JsonObject ToJson()
    {
        var data = new JsonObject();
        foreach (var (key, value) in _fields)
            data[key] = new JsonObject { ["value"] = value };
        return data;
    }
}
