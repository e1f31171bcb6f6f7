using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Platform.ServiceDefaults.OpenApi;

/// <summary>A getter-only property (computed, e.g. a knowledge entry's key) is never read from a request: its schema says
/// readOnly, so clients and the generated security tests know a value sent for it is ignored.</summary>
public static class ReadOnlyProperties
{
    public static Task MarkAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        if (context.JsonTypeInfo.Kind != JsonTypeInfoKind.Object || schema.Properties is null) return Task.CompletedTask;
        foreach (var property in context.JsonTypeInfo.Properties)
            if (property.Set is null && schema.Properties.TryGetValue(property.Name, out var p) && p is OpenApiSchema target)
                target.ReadOnly = true;
        return Task.CompletedTask;
    }
}
