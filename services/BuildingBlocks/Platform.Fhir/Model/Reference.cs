using System.Text.Json.Serialization;

namespace Platform.Fhir.Model;

public class Reference : Element
{
    /// <summary>The literal reference, e.g. <c>Patient/123</c> (a C# member cannot share its type's name).</summary>
    [JsonPropertyName("reference")]
    public string? Value { get; set; }
    public string? Type { get; set; }
    public Identifier? Identifier { get; set; }
    public string? Display { get; set; }

    public static Reference To(string resourceType, string id, string? display = null) =>
        new() { Value = $"{resourceType}/{id}", Display = display };

    public static Reference To<TResource>(string id, string? display = null) where TResource : Resource, new() =>
        To(new TResource().ResourceType, id, display);

    /// <summary>The id part of a relative reference of the given type, or null when it points elsewhere.</summary>
    public string? IdFor(string resourceType)
    {
        if (Value is null) return null;
        var prefix = resourceType + "/";
        var start = Value.IndexOf(prefix, StringComparison.Ordinal);
        if (start < 0 || (start > 0 && Value[start - 1] != '/')) return null;
        var id = Value[(start + prefix.Length)..];
        var historyAt = id.IndexOf("/_history/", StringComparison.Ordinal);
        return historyAt >= 0 ? id[..historyAt] : id;
    }
}
