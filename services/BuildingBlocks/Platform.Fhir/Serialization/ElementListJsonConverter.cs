using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.Fhir.Model;

namespace Platform.Fhir.Serialization;

/// <summary>Drops items that hold nothing (e.g. a HumanName with no parts) so no <c>{}</c> reaches the wire.</summary>
internal sealed class ElementListJsonConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType
        && typeToConvert.GetGenericTypeDefinition() == typeof(List<>)
        && typeof(Base).IsAssignableFrom(typeToConvert.GetGenericArguments()[0]);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(
            typeof(ElementListJsonConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;
}

internal sealed class ElementListJsonConverter<TItem> : JsonConverter<List<TItem>> where TItem : Base
{
    public override List<TItem> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
            throw new JsonException($"Expected an array of {typeof(TItem).Name} but found {reader.TokenType}.");
        var items = new List<TItem>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var item = JsonSerializer.Deserialize<TItem>(ref reader, options);
            if (item is not null) items.Add(item);
        }
        return items;
    }

    public override void Write(Utf8JsonWriter writer, List<TItem> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var item in value)
        {
            if (!FhirContractRules.IsEmpty(item, options))
                JsonSerializer.Serialize(writer, item, options);
        }
        writer.WriteEndArray();
    }
}
