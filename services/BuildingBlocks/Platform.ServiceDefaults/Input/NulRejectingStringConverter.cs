using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.ServiceDefaults.Input;

/// <summary>Reads JSON strings as usual but refuses any that holds a NUL character (see <see cref="NulCharacterGuard"/>).</summary>
public sealed class NulRejectingStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.GetString();
        return value is not null && value.Contains('\0') ? throw new NulCharacterException() : value;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
