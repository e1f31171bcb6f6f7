using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fhir.Tests.Serialization;

/// <summary>
/// JSON equality as FHIR means it: property order is free, array order is not, and numbers must keep
/// their exact text (118.0 is not 118) because FHIR decimals carry precision.
/// </summary>
public static class JsonSemantics
{
    public static IReadOnlyList<string> Differences(string expectedJson, string actualJson)
    {
        var differences = new List<string>();
        Compare(JsonNode.Parse(expectedJson), JsonNode.Parse(actualJson), "$", differences);
        return differences;
    }

    public static void AssertEquivalent(string expectedJson, string actualJson)
    {
        var differences = Differences(expectedJson, actualJson);
        Assert.True(differences.Count == 0,
            "JSON differs:\n" + string.Join("\n", differences.Take(20)) + "\n--- actual:\n" + actualJson);
    }

    private static void Compare(JsonNode? expected, JsonNode? actual, string path, List<string> differences)
    {
        if (expected is null || actual is null)
        {
            if (expected is not null || actual is not null)
                differences.Add($"{path}: expected {expected?.ToJsonString() ?? "null"} but was {actual?.ToJsonString() ?? "null"}");
            return;
        }

        switch (expected)
        {
            case JsonObject expectedObject when actual is JsonObject actualObject:
                foreach (var (name, value) in expectedObject)
                {
                    if (!actualObject.ContainsKey(name)) differences.Add($"{path}.{name}: missing");
                    else Compare(value, actualObject[name], $"{path}.{name}", differences);
                }
                foreach (var (name, _) in actualObject)
                {
                    if (!expectedObject.ContainsKey(name)) differences.Add($"{path}.{name}: unexpected");
                }
                break;
            case JsonArray expectedArray when actual is JsonArray actualArray:
                if (expectedArray.Count != actualArray.Count)
                    differences.Add($"{path}: expected {expectedArray.Count} items but was {actualArray.Count}");
                for (var i = 0; i < Math.Min(expectedArray.Count, actualArray.Count); i++)
                    Compare(expectedArray[i], actualArray[i], $"{path}[{i}]", differences);
                break;
            case JsonValue when actual is JsonValue:
                var expectedKind = expected.GetValueKind();
                var actualKind = actual.GetValueKind();
                var expectedText = expected.ToJsonString(PlainText);
                var actualText = actual.ToJsonString(PlainText);
                if (expectedKind != actualKind || expectedText != actualText)
                    differences.Add($"{path}: expected {expectedText} ({expectedKind}) but was {actualText} ({actualKind})");
                break;
            default:
                differences.Add($"{path}: expected {expected.GetValueKind()} but was {actual.GetValueKind()}");
                break;
        }
    }

    private static readonly JsonSerializerOptions PlainText =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
