using System.Text.Json.Serialization;

namespace Platform.Fhir.Model;

public abstract class Resource : Base
{
    [JsonPropertyName("resourceType")]
    [JsonPropertyOrder(-1000)]
    public string ResourceType => TypeName;

    [JsonPropertyOrder(-900)]
    public string? Id { get; set; }

    [JsonPropertyOrder(-890)]
    public Meta? Meta { get; set; }

    [JsonPropertyOrder(-880)]
    public string? ImplicitRules { get; set; }

    [JsonPropertyOrder(-870)]
    public string? Language { get; set; }

    protected abstract string TypeName { get; }

    /// <summary>The relative reference <c>Type/id</c> other resources use to point here.</summary>
    public string RelativeReference => Id is null
        ? throw new InvalidOperationException($"{ResourceType} has no id yet.")
        : $"{ResourceType}/{Id}";

    public Reference ToReference(string? display = null) => new() { Value = RelativeReference, Display = display };
}

public abstract class DomainResource : Resource
{
    [JsonPropertyOrder(-860)]
    public Narrative? Text { get; set; }

    [JsonPropertyOrder(-850)]
    public List<Resource> Contained { get; set; } = [];

    [JsonPropertyOrder(-840)]
    public List<Extension> Extension { get; set; } = [];

    [JsonPropertyOrder(-830)]
    public List<Extension> ModifierExtension { get; set; } = [];

    public Extension? GetExtension(string url) => Extension.FirstOrDefault(e => e.Url == url);
}

/// <summary>
/// A resource whose type this model does not implement (e.g. inside a Bundle from the HIS).
/// Everything except the Resource base elements lives in <see cref="Base.AdditionalElements"/>.
/// </summary>
public sealed class UnknownResource : Resource
{
    private string typeName = "Resource";

    public UnknownResource() { }

    public UnknownResource(string resourceType) => typeName = resourceType;

    protected override string TypeName => typeName;

    internal void SetTypeName(string resourceType) => typeName = resourceType;
}
