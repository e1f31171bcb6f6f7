using System.Text.Json.Nodes;

namespace WeChat.Tests.Referee;

/// <summary>Every vector test runs on the committed vectors.json and, when node is present, on a fresh live run.</summary>
public static class VectorSources
{
    public const string Committed = "committed";
    public const string Live = "live";

    public static TheoryData<string> All()
    {
        var data = new TheoryData<string> { Committed };
        if (NodeReferee.IsAvailable || NodeReferee.Required) data.Add(Live);
        return data;
    }

    public static async Task<JsonObject> LoadAsync(string source) =>
        source == Live ? await NodeReferee.LiveVectorsAsync() : NodeReferee.CommittedVectors();

    public static string Str(this JsonNode? node, string name) =>
        node?[name]?.GetValue<string>() ?? throw new InvalidOperationException($"vector field '{name}' missing");

    public static IEnumerable<JsonObject> Items(this JsonNode? node, string name) =>
        (node?[name] as JsonArray ?? throw new InvalidOperationException($"vector list '{name}' missing")).Select(n => (JsonObject)n!);
}
