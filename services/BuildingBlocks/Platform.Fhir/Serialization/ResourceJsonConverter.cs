using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.Fhir.Model;

namespace Platform.Fhir.Serialization;

/// <summary>
/// Reads an element declared as <see cref="Resource"/> into the class named by its resourceType
/// (or <see cref="UnknownResource"/>), and writes whatever concrete resource it holds.
/// </summary>
public sealed class ResourceJsonConverter : JsonConverter<Resource>
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert == typeof(Resource);

    public override Resource Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException($"A resource must be a JSON object, found {reader.TokenType}.");

        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (!root.TryGetProperty("resourceType", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
            throw new JsonException("A resource must have a string 'resourceType'.");

        var resourceType = typeElement.GetString()!;
        var resourceClass = ResourceTypeRegistry.Resolve(resourceType);
        if (resourceClass is not null)
            return (Resource)root.Deserialize(resourceClass, options)!;

        var unknown = root.Deserialize<UnknownResource>(options)!;
        unknown.SetTypeName(resourceType);
        return unknown;
    }

    public override void Write(Utf8JsonWriter writer, Resource value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, value.GetType(), options);
}
