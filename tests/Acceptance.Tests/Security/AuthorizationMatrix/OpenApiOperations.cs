using System.Net.Http.Json;
using System.Text.Json;

namespace Acceptance.Tests.Security.AuthorizationMatrix;

public sealed record OperationParameter(string Name, string In, bool Required, string Type, string? Format);

/// <summary>A top-level property of a JSON request body; <see cref="Type"/> "string" also stands for an untyped schema.</summary>
public sealed record BodyProperty(string Name, string Type, string? Format, bool Required);

/// <summary>One operation of one service's OpenAPI document; <see cref="Key"/> ("POST /api/x/{id}") is what the
/// declarations are keyed by.</summary>
public sealed record Operation(string Service, int Port, string Method, string Path, IReadOnlyList<OperationParameter> Parameters,
    string? BodyContentType, IReadOnlyList<BodyProperty> BodyProperties)
{
    public string Key => $"{Method} {Path}";
}

/// <summary>Reads every .NET service's /openapi/v1.json from its own port on the running stack.</summary>
public static class OpenApiOperations
{
    public static readonly IReadOnlyDictionary<string, int> Services = new Dictionary<string, int>
    {
        ["identity"] = 5101, ["hospital"] = 5102, ["scheduling"] = 5103, ["payment"] = 5104, ["triage"] = 5105,
        ["queue"] = 5106, ["reports"] = 5107, ["pharmacy"] = 5108, ["followup"] = 5109, ["consultation"] = 5110,
        ["convenience"] = 5111, ["notification"] = 5112, ["his"] = 5113, ["wechat"] = 5120,
    };

    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    public static async Task<IReadOnlyList<Operation>> LoadAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        var documents = await Task.WhenAll(Services.Select(async s =>
            (s.Key, s.Value, Document: await http.GetFromJsonAsync<JsonElement>($"http://127.0.0.1:{s.Value}/openapi/v1.json"))));
        var operations = new List<Operation>();
        foreach (var (service, port, document) in documents)
            foreach (var path in document.GetProperty("paths").EnumerateObject())
                foreach (var method in path.Value.EnumerateObject().Where(m => Methods.Contains(m.Name)))
                    operations.Add(Read(service, port, path.Name, method.Name.ToUpperInvariant(), path.Value, method.Value,
                        document.TryGetProperty("components", out var c) && c.TryGetProperty("schemas", out var s) ? s : default));
        return operations;
    }

    private static Operation Read(string service, int port, string path, string method, JsonElement pathItem, JsonElement op,
        JsonElement schemas)
    {
        var parameters = new List<OperationParameter>();
        foreach (var source in new[] { pathItem, op })
            if (source.TryGetProperty("parameters", out var list))
                foreach (var p in list.EnumerateArray())
                {
                    var schema = p.TryGetProperty("schema", out var s) ? s : default;
                    parameters.Add(new OperationParameter(p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!,
                        p.TryGetProperty("required", out var r) && r.GetBoolean(), TypeOf(schema), FormatOf(schema)));
                }
        string? body = null;
        IReadOnlyList<BodyProperty> properties = [];
        if (op.TryGetProperty("requestBody", out var requestBody) && requestBody.TryGetProperty("content", out var content))
        {
            var first = content.EnumerateObject().FirstOrDefault();
            body = first.Value.ValueKind == JsonValueKind.Undefined ? null : first.Name;
            if (body == "application/json" && first.Value.TryGetProperty("schema", out var schema))
                properties = PropertiesOf(Resolve(schema, schemas), schemas);
        }
        return new Operation(service, port, method, path, parameters, body, properties);
    }

    /// <summary>Follows a $ref, or the non-null branch of a nullable oneOf.</summary>
    private static JsonElement Resolve(JsonElement schema, JsonElement schemas)
    {
        if (schema.TryGetProperty("oneOf", out var oneOf))
            schema = oneOf.EnumerateArray().FirstOrDefault(s => !(s.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null"));
        if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference) && schemas.ValueKind == JsonValueKind.Object
            && schemas.TryGetProperty(reference.GetString()!.Split('/')[^1], out var target))
            return target;
        return schema;
    }

    private static IReadOnlyList<BodyProperty> PropertiesOf(JsonElement schema, JsonElement schemas)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("properties", out var properties)) return [];
        var required = schema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(n => n.GetString()).ToHashSet() : [];
        // A read-only property (computed by the service) is not read from a request: nothing to send it.
        return properties.EnumerateObject().Where(p => !(p.Value.TryGetProperty("readOnly", out var readOnly) && readOnly.ValueKind == JsonValueKind.True))
            .Select(p =>
        {
            var resolved = p.Value.TryGetProperty("$ref", out _) ? Resolve(p.Value, schemas) : p.Value;
            var type = resolved.TryGetProperty("properties", out _) ? "object" : TypeOf(resolved);
            return new BodyProperty(p.Name, type, FormatOf(resolved), required.Contains(p.Name));
        }).ToList();
    }

    private static string TypeOf(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("type", out var type)) return "string";
        if (type.ValueKind == JsonValueKind.String) return type.GetString()!;
        return type.EnumerateArray().Select(t => t.GetString()!).FirstOrDefault(t => t is not "null" and not "string") ?? "string";
    }

    private static string? FormatOf(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("format", out var f) ? f.GetString() : null;
}
