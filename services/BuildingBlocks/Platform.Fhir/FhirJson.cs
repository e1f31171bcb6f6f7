using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Platform.Fhir.Model;
using Platform.Fhir.Serialization;

namespace Platform.Fhir;

/// <summary>The FHIR R4 JSON format: resourceType first, camelCase, nothing empty, unknown elements kept.</summary>
public static class FhirJson
{
    public const string MediaType = "application/fhir+json";

    public static JsonSerializerOptions Options { get; } = CreateOptions(writeIndented: false);

    private static readonly JsonSerializerOptions IndentedOptions = CreateOptions(writeIndented: true);

    public static string Serialize(Resource resource, bool indented = false) =>
        JsonSerializer.Serialize(resource, indented ? IndentedOptions : Options);

    /// <summary>Serialises a datatype or backbone element on its own (e.g. an Extension for a log).</summary>
    public static string SerializeElement<TElement>(TElement element) where TElement : Element =>
        JsonSerializer.Serialize(element, Options);

    public static byte[] SerializeToUtf8Bytes(Resource resource) =>
        JsonSerializer.SerializeToUtf8Bytes(resource, Options);

    public static Resource Parse(string json) => Wrap(() => JsonSerializer.Deserialize<Resource>(json, Options));

    public static TResource Parse<TResource>(string json) where TResource : Resource => Expect<TResource>(Parse(json));

    public static async Task<Resource> ParseAsync(Stream utf8Json, CancellationToken cancellationToken = default)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<Resource>(utf8Json, Options, cancellationToken)
                   ?? throw new FhirParseException("The content is JSON null, not a resource.");
        }
        catch (JsonException ex)
        {
            throw new FhirParseException(ex.Message, ex);
        }
    }

    public static async Task<TResource> ParseAsync<TResource>(Stream utf8Json, CancellationToken cancellationToken = default)
        where TResource : Resource => Expect<TResource>(await ParseAsync(utf8Json, cancellationToken));

    private static Resource Wrap(Func<Resource?> parse)
    {
        try
        {
            return parse() ?? throw new FhirParseException("The content is JSON null, not a resource.");
        }
        catch (JsonException ex)
        {
            throw new FhirParseException(ex.Message, ex);
        }
    }

    private static TResource Expect<TResource>(Resource resource) where TResource : Resource =>
        resource as TResource ?? throw new FhirParseException(
            $"Expected a {typeof(TResource).Name} but the content is a {resource.ResourceType}.");

    private static JsonSerializerOptions CreateOptions(bool writeIndented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Chinese text stays readable on the wire; FHIR JSON is UTF-8 anyway.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            WriteIndented = writeIndented,
            NumberHandling = JsonNumberHandling.Strict,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { FhirContractRules.OmitEmptyValues } },
        };
        options.Converters.Add(new ResourceJsonConverter());
        options.Converters.Add(new ElementListJsonConverterFactory());
        options.MakeReadOnly();
        return options;
    }
}

public sealed class FhirParseException : Exception
{
    public FhirParseException(string message) : base(message) { }

    public FhirParseException(string message, Exception inner) : base(message, inner) { }
}
