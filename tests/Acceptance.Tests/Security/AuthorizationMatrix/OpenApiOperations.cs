using System.Net.Http.Json;
using System.Text.Json;

namespace Acceptance.Tests.Security.AuthorizationMatrix;

public sealed record OperationParameter(string Name, string In, bool Required, string Type, string? Format);

/// <summary>One operation of one service's OpenAPI document; <see cref="Key"/> ("POST /api/x/{id}") is what the
/// declarations are keyed by.</summary>
public sealed record Operation(string Service, int Port, string Method, string Path, IReadOnlyList<OperationParameter> Parameters,
    string? BodyContentType)
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
                    operations.Add(Read(service, port, path.Name, method.Name.ToUpperInvariant(), path.Value, method.Value));
        return operations;
    }

    private static Operation Read(string service, int port, string path, string method, JsonElement pathItem, JsonElement op)
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
        if (op.TryGetProperty("requestBody", out var requestBody) && requestBody.TryGetProperty("content", out var content))
            body = content.EnumerateObject().Select(c => c.Name).FirstOrDefault();
        return new Operation(service, port, method, path, parameters, body);
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
