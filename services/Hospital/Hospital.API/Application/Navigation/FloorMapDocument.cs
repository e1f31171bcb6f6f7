using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Hospital.API.Application.Publishing;
using Hospital.API.Domain.Navigation;
using Platform.ServiceDefaults.Problems;

namespace Hospital.API.Application.Navigation;

/// <summary>A floor map as staff edit it through the publishing workflow (content type "floor-map", key = the floor's
/// stable code such as "main-mzl-3"): which drawing, and every place on it.</summary>
public sealed partial class FloorMapDocument : IContentDocument
{
    [Display(Name = "院区")] public string Campus { get; set; } = "";
    [Display(Name = "楼宇")] public string Building { get; set; } = "";
    [Display(Name = "楼层")] public int Floor { get; set; }
    [Display(Name = "楼层图")] public Guid DrawingId { get; set; }
    [Display(Name = "位置点")] public List<PlaceDocument> Places { get; set; } = [];
    [Display(Name = "比例尺（米/单位）")] public double MetersPerUnit { get; set; } = Walkway.DefaultMetersPerUnit;
    [Display(Name = "通道节点")] public List<WalkwayNodeDocument> Nodes { get; set; } = [];
    [Display(Name = "通道")] public List<WalkwayEdgeDocument> Edges { get; set; } = [];

    public string ContentTitle => $"{Campus}{Building}{Floor}楼";

    public void Validate(Validation validation)
    {
        validation.Required("campus", Campus, "院区").Length("campus", Campus, "院区", 1, 50)
            .Required("building", Building, "楼宇").Length("building", Building, "楼宇", 1, 50);
        if (Floor is < -5 or > 60 or 0) validation.Add("floor", "楼层须在 -5 到 60 之间且不为 0");
        if (DrawingId == Guid.Empty) validation.Add("drawingId", "请先上传楼层图");
        if (Places.Count > 300) validation.Add("places", "每层位置点不能超过 300 个");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Places.Count; i++)
        {
            var p = Places[i];
            var at = $"places[{i}]";
            if (!PlaceIdPattern().IsMatch(p.Id ?? "")) validation.Add($"{at}.id", "位置编号只能包含小写字母、数字和短横线（2-64位）");
            else if (!seen.Add(p.Id!)) validation.Add($"{at}.id", $"位置编号 {p.Id} 重复");
            validation.Required($"{at}.name", p.Name, "位置名称").Length($"{at}.name", p.Name, "位置名称", 1, 50)
                .Length($"{at}.room", p.Room, "房间号", 0, 20).Length($"{at}.keywords", p.Keywords, "别名", 0, 200);
            if (!PlaceKind.IsKnown(p.Kind ?? "")) validation.Add($"{at}.kind", "位置类型不正确");
            if (p.X < 0 || p.Y < 0 || double.IsNaN(p.X) || double.IsNaN(p.Y)) validation.Add($"{at}.x", "位置坐标不正确");
        }
        WalkwayValidation.Check(this, validation);
    }

    public Walkway ToWalkway() => new(MetersPerUnit,
        Nodes.Select(n => new WalkwayNode(n.Id, n.X, n.Y, NullIfEmpty(n.Connector), NullIfEmpty(n.ConnectorKey), NullIfEmpty(n.Label))).ToList(),
        Edges.Select(e => new WalkwayEdge(e.From, e.To)).ToList());

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,63}$")]
    private static partial Regex PlaceIdPattern();
}

public sealed class PlaceDocument
{
    [Display(Name = "编号")] public string Id { get; set; } = "";
    [Display(Name = "名称")] public string Name { get; set; } = "";
    [Display(Name = "类型")] public string Kind { get; set; } = "";
    [Display(Name = "房间号")] public string Room { get; set; } = "";
    [Display(Name = "所属科室编码")] public string? DepartmentCode { get; set; }
    [Display(Name = "别名")] public string Keywords { get; set; } = "";
    [Display(Name = "横坐标")] public double X { get; set; }
    [Display(Name = "纵坐标")] public double Y { get; set; }
    /// <summary>Empty: routes start and end at the walkway node nearest the place.</summary>
    [Display(Name = "所连通道节点")] public string NodeId { get; set; } = "";
}

public sealed class WalkwayNodeDocument
{
    [Display(Name = "节点编号")] public string Id { get; set; } = "";
    [Display(Name = "横坐标")] public double X { get; set; }
    [Display(Name = "纵坐标")] public double Y { get; set; }
    /// <summary>lift, stairs, escalator or passage; empty for a plain walkway point.</summary>
    [Display(Name = "连接类型")] public string Connector { get; set; } = "";
    /// <summary>Nodes sharing this key on other floors (or buildings, for a passage) are where it leads.</summary>
    [Display(Name = "连接编号")] public string ConnectorKey { get; set; } = "";
    [Display(Name = "名称")] public string Label { get; set; } = "";
}

public sealed class WalkwayEdgeDocument
{
    [Display(Name = "起点节点")] public string From { get; set; } = "";
    [Display(Name = "终点节点")] public string To { get; set; } = "";
}
