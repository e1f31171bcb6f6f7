using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Platform.Fhir.Model;

namespace Platform.Fhir.Serialization;

/// <summary>
/// FHIR JSON never carries null, "", [] or {}: every property is written only when it holds something.
/// </summary>
internal static class FhirContractRules
{
    public static void OmitEmptyValues(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object) return;
        var options = typeInfo.Options;
        // Computed helpers (e.g. Bundle.NextLink) are not FHIR elements; resourceType is the one read-only element.
        for (var i = typeInfo.Properties.Count - 1; i >= 0; i--)
        {
            var candidate = typeInfo.Properties[i];
            if (candidate.Set is null && !candidate.IsExtensionData && candidate.Name != "resourceType")
                typeInfo.Properties.RemoveAt(i);
        }
        foreach (var property in typeInfo.Properties)
        {
            if (property.IsExtensionData) continue;
            property.ShouldSerialize = (_, value) => !IsEmpty(value, options);
        }
    }

    public static bool IsEmpty(object? value, JsonSerializerOptions options) => value switch
    {
        null => true,
        string text => text.Length == 0,
        FhirDateTime dateTime => dateTime.Value is null,
        Resource => false,
        Base element => IsEmptyElement(element, options),
        IDictionary dictionary => dictionary.Count == 0,
        IEnumerable items => items.Cast<object?>().All(item => IsEmpty(item, options)),
        JsonElement json => json.ValueKind == JsonValueKind.Undefined,
        _ => false,
    };

    private static bool IsEmptyElement(Base element, JsonSerializerOptions options)
    {
        if (element.AdditionalElements is { Count: > 0 }) return false;
        var typeInfo = options.GetTypeInfo(element.GetType());
        foreach (var property in typeInfo.Properties)
        {
            if (property.IsExtensionData || property.Get is null) continue;
            if (!IsEmpty(property.Get(element), options)) return false;
        }
        return true;
    }
}
