using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Platform.Fhir.Model;

/// <summary>
/// A FHIR date, dateTime or instant kept as its exact text, because FHIR allows partial precision
/// ("2024", "2024-05") and a DateTimeOffset would invent the missing parts on the way back out.
/// </summary>
[JsonConverter(typeof(FhirDateTimeJsonConverter))]
public readonly partial record struct FhirDateTime
{
    public FhirDateTime(string value)
    {
        if (!IsValid(value))
            throw new FormatException($"'{value}' is not a FHIR date, dateTime or instant.");
        Value = value;
    }

    public string Value { get; }

    public bool HasTime => Value is not null && Value.Contains('T');

    public static bool IsValid(string? value) => value is not null && FhirDateTimePattern().IsMatch(value);

    public static FhirDateTime From(DateTimeOffset value)
    {
        var format = value.Millisecond == 0 ? "yyyy-MM-dd'T'HH:mm:sszzz" : "yyyy-MM-dd'T'HH:mm:ss.fffzzz";
        return new(value.ToString(format, CultureInfo.InvariantCulture));
    }

    public static FhirDateTime FromDate(DateOnly value) =>
        new(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>The start of the period this value denotes; values without a zone are read in <paramref name="assumedOffset"/>.</summary>
    public DateTimeOffset ToDateTimeOffset(TimeSpan assumedOffset)
    {
        if (HasTime)
            return DateTimeOffset.Parse(Value, CultureInfo.InvariantCulture, DateTimeStyles.None);
        var parts = Value.Split('-');
        var year = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var month = parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 1;
        var day = parts.Length > 2 ? int.Parse(parts[2], CultureInfo.InvariantCulture) : 1;
        return new DateTimeOffset(year, month, day, 0, 0, 0, assumedOffset);
    }

    public DateOnly ToDateOnly() => DateOnly.FromDateTime(ToDateTimeOffset(TimeSpan.Zero).DateTime);

    public static implicit operator FhirDateTime(DateTimeOffset value) => From(value);

    public static implicit operator FhirDateTime(DateOnly value) => FromDate(value);

    public override string ToString() => Value ?? string.Empty;

    // The R4 dateTime/instant grammar: year, optional month, day, and time only with a zone.
    [GeneratedRegex(@"^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1])(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]{1,9})?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00)))?)?)?$")]
    private static partial Regex FhirDateTimePattern();
}

public sealed class FhirDateTimeJsonConverter : JsonConverter<FhirDateTime>
{
    public override FhirDateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String
            ? reader.GetString()!
            : throw new JsonException($"Expected a date string but found {reader.TokenType}.");
        return FhirDateTime.IsValid(text)
            ? new FhirDateTime(text)
            : throw new JsonException($"'{text}' is not a FHIR date, dateTime or instant.");
    }

    public override void Write(Utf8JsonWriter writer, FhirDateTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}
