using System.Text.Json;
using System.Text.RegularExpressions;

namespace HisAdapter.API.Application.Pushes;

/// <summary>The signed HIS event: {"id","type","occurredAt","source","hospital","data":{…}}. Every reference in
/// data is checked to be a relative reference of the expected type with a well-formed id.</summary>
public sealed partial class PushEnvelope
{
    private PushEnvelope(string id, string type, DateTimeOffset occurredAt, JsonElement data)
    {
        Id = id;
        Type = type;
        OccurredAt = occurredAt;
        Data = data;
    }

    public string Id { get; }
    public string Type { get; }
    public DateTimeOffset OccurredAt { get; }
    public JsonElement Data { get; }

    public static PushEnvelope Parse(byte[] body)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw PushRejectedException.Invalid("推送内容不是有效的 JSON");
        }
        if (root.ValueKind != JsonValueKind.Object) throw PushRejectedException.Invalid("推送内容必须是 JSON 对象");
        var id = RequiredString(root, "id");
        var type = RequiredString(root, "type");
        if (!DateTimeOffset.TryParse(RequiredString(root, "occurredAt"), out var occurredAt))
            throw PushRejectedException.Invalid("occurredAt 不是有效的时间");
        if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
            throw PushRejectedException.Invalid("缺少 data 对象");
        return new PushEnvelope(id, type, occurredAt, data);
    }

    public string? OptionalString(string name) =>
        Data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public string RequiredString(string name) =>
        OptionalString(name) is { Length: > 0 and <= 500 } value ? value : throw PushRejectedException.Invalid($"data.{name} 缺失或无效");

    /// <summary>The id in data.<paramref name="name"/>, which must read "<paramref name="resourceType"/>/&lt;id&gt;".</summary>
    public string RequiredReference(string name, string resourceType) =>
        IdOf(RequiredString(name), resourceType) ?? throw PushRejectedException.Invalid($"data.{name} 必须是 {resourceType}/<id> 形式的引用");

    public string? OptionalReference(string name, string resourceType) =>
        OptionalString(name) is { } value
            ? IdOf(value, resourceType) ?? throw PushRejectedException.Invalid($"data.{name} 必须是 {resourceType}/<id> 形式的引用")
            : null;

    public IReadOnlyList<string> ReferenceList(string name, string resourceType)
    {
        if (!Data.TryGetProperty(name, out var list)) return [];
        if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() > 1000)
            throw PushRejectedException.Invalid($"data.{name} 必须是不超过 1000 项的数组");
        return list.EnumerateArray()
            .Select(e => e.ValueKind == JsonValueKind.String ? IdOf(e.GetString()!, resourceType) ?? IdOf(resourceType + "/" + e.GetString(), resourceType) : null)
            .Select(id => id ?? throw PushRejectedException.Invalid($"data.{name} 含有无效的 {resourceType} 引用"))
            .ToList();
    }

    private static string? IdOf(string reference, string resourceType)
    {
        var prefix = resourceType + "/";
        if (!reference.StartsWith(prefix, StringComparison.Ordinal)) return null;
        var id = reference[prefix.Length..];
        return FhirId().IsMatch(id) ? id : null;
    }

    private static string RequiredString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 and <= 200 } s
            ? s
            : throw PushRejectedException.Invalid($"缺少 {name}");

    [GeneratedRegex("^[A-Za-z0-9\\-\\.]{1,64}$")]
    private static partial Regex FhirId();
}
