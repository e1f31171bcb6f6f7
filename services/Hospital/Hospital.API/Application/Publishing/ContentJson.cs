using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hospital.API.Application.Publishing;

/// <summary>How documents are stored (camelCase JSON, Chinese kept readable) and compared for the audit.</summary>
public static class ContentJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(object document, Type type) => JsonSerializer.Serialize(document, type, Options);

    public static object Deserialize(string json, Type type) =>
        JsonSerializer.Deserialize(json, type, Options) ?? throw new InvalidOperationException("empty content document");

    /// <summary>The top-level fields that differ between two stored versions, labelled from the type's attributes.</summary>
    public static List<FieldChange> Diff(string? before, string after, Type type)
    {
        var old = before is null ? new JsonObject() : JsonNode.Parse(before) as JsonObject ?? new JsonObject();
        var now = JsonNode.Parse(after) as JsonObject ?? new JsonObject();
        var changes = new List<FieldChange>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!property.CanWrite || property.GetCustomAttribute<System.Text.Json.Serialization.JsonIgnoreAttribute>() is not null) continue;
            var name = Options.PropertyNamingPolicy!.ConvertName(property.Name);
            var a = old[name];
            var b = now[name];
            if (JsonNode.DeepEquals(a, b)) continue;
            changes.Add(new FieldChange(name, ContentInspector.Label(property), Show(a), Show(b)));
        }
        return changes;
    }

    private static string? Show(JsonNode? node)
    {
        if (node is null) return null;
        var text = node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node.ToJsonString(Options);
        return text.Length > 2000 ? text[..2000] + "…" : text;
    }
}
