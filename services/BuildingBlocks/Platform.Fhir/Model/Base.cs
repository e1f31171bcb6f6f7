using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Fhir.Model;

/// <summary>Root of every FHIR type; keeps elements this model does not know so they survive a round-trip.</summary>
public abstract class Base
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalElements { get; set; }
}

public abstract class Element : Base
{
    [JsonPropertyOrder(-900)]
    public string? Id { get; set; }

    [JsonPropertyOrder(-840)]
    public List<Extension> Extension { get; set; } = [];

    public Extension? GetExtension(string url) => Extension.FirstOrDefault(e => e.Url == url);
}

public abstract class BackboneElement : Element
{
    [JsonPropertyOrder(-830)]
    public List<Extension> ModifierExtension { get; set; } = [];
}
