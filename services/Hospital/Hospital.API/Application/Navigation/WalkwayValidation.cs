using System.Text.RegularExpressions;
using Hospital.API.Domain.Navigation;
using Platform.ServiceDefaults.Problems;

namespace Hospital.API.Application.Navigation;

/// <summary>What a floor's walkway must be before it can be saved: known nodes, corridors between two of them, connectors
/// that say where they lead and are reachable on their floor, places attached to nodes that exist. Whether a connector's
/// counterpart exists on another floor is checked when the floor is published (<see cref="FloorMapPublishedHandler"/>).</summary>
public static partial class WalkwayValidation
{
    public const int MaxNodes = 500;
    public const int MaxEdges = 1000;

    public static void Check(FloorMapDocument d, Validation validation)
    {
        if (d.MetersPerUnit is <= 0 or > 10 || double.IsNaN(d.MetersPerUnit)) validation.Add("metersPerUnit", "比例尺须大于 0 且不超过 10 米/单位");
        if (d.Nodes.Count > MaxNodes) validation.Add("nodes", $"每层通道节点不能超过 {MaxNodes} 个");
        if (d.Edges.Count > MaxEdges) validation.Add("edges", $"每层通道不能超过 {MaxEdges} 条");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < d.Nodes.Count; i++)
        {
            var n = d.Nodes[i];
            var at = $"nodes[{i}]";
            if (!NodeIdPattern().IsMatch(n.Id ?? "")) validation.Add($"{at}.id", "节点编号只能包含小写字母、数字和短横线（1-64位）");
            else if (!ids.Add(n.Id!)) validation.Add($"{at}.id", $"节点编号 {n.Id} 重复");
            if (n.X < 0 || n.Y < 0 || double.IsNaN(n.X) || double.IsNaN(n.Y)) validation.Add($"{at}.x", $"节点 {n.Id} 的坐标不正确");
            validation.Length($"{at}.label", n.Label, "节点名称", 0, 20).PlainText($"{at}.label", n.Label, "节点名称");
            if (string.IsNullOrWhiteSpace(n.Connector)) continue;
            if (!ConnectorKind.IsKnown(n.Connector)) validation.Add($"{at}.connector", "连接类型只能是电梯、楼梯、扶梯或连廊");
            if (!ConnectorKeyPattern().IsMatch(n.ConnectorKey ?? ""))
                validation.Add($"{at}.connectorKey", $"连接点 {n.Id} 须填写连接编号（其他楼层对应连接点的共同编号，小写字母、数字和短横线）");
        }

        var degree = new Dictionary<string, int>(StringComparer.Ordinal);
        var pairs = new HashSet<(string, string)>();
        for (var i = 0; i < d.Edges.Count; i++)
        {
            var e = d.Edges[i];
            var at = $"edges[{i}]";
            if (e.From is not { } a || e.To is not { } b || !ids.Contains(a) || !ids.Contains(b))
            {
                validation.Add(at, $"通道 {e.From}→{e.To} 连到了不存在的节点");
                continue;
            }
            if (a == b) validation.Add(at, $"通道不能首尾都是节点 {a}");
            else if (!pairs.Add(string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a))) validation.Add(at, $"通道 {a}—{b} 重复");
            degree[a] = degree.GetValueOrDefault(a) + 1;
            degree[b] = degree.GetValueOrDefault(b) + 1;
        }
        for (var i = 0; i < d.Nodes.Count; i++)
            if (!string.IsNullOrWhiteSpace(d.Nodes[i].Connector) && degree.GetValueOrDefault(d.Nodes[i].Id) == 0)
                validation.Add($"nodes[{i}].connector", $"连接点 {d.Nodes[i].Id} 没有连到本层任何通道，患者无法到达");

        for (var i = 0; i < d.Places.Count; i++)
        {
            var nodeId = d.Places[i].NodeId;
            if (!string.IsNullOrWhiteSpace(nodeId) && !ids.Contains(nodeId))
                validation.Add($"places[{i}].nodeId", $"位置 {d.Places[i].Name} 所连的通道节点 {nodeId} 不存在");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex NodeIdPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,63}$")]
    private static partial Regex ConnectorKeyPattern();
}
