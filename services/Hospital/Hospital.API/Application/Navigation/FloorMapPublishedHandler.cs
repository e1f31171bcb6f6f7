using Hospital.API.Application.Publishing;
using Hospital.API.Domain.Navigation;
using Hospital.API.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Problems;

namespace Hospital.API.Application.Navigation;

/// <summary>Publishing a floor map puts its drawing and places where patients search and look. Place ids stay stable:
/// a place moved to another floor keeps its id (and every link to it).</summary>
public sealed class FloorMapPublishedHandler(HospitalDbContext db, TimeProvider clock) : IContentPublishedHandler<FloorMapDocument>
{
    public async Task OnPublishedAsync(string key, FloorMapDocument document, CancellationToken ct)
    {
        var drawing = db.MapDrawings.Local.FirstOrDefault(d => d.Id == document.DrawingId)
            ?? await db.MapDrawings.AsNoTracking().FirstOrDefaultAsync(d => d.Id == document.DrawingId, ct)
            ?? throw Invalid("drawingId", "楼层图不存在，请重新上传");
        if (document.Places.Any(p => p.X > drawing.Width || p.Y > drawing.Height))
            throw Invalid("places", "有位置点落在楼层图范围之外");
        if (document.Nodes.FirstOrDefault(n => n.X > drawing.Width || n.Y > drawing.Height) is { } outside)
            throw Invalid("nodes", $"通道节点 {outside.Id} 落在楼层图范围之外，通道须画在楼层图之内");
        await CheckConnectorsAsync(key, document, ct);
        var walkway = document.ToWalkway();
        var now = clock.GetUtcNow();
        var map = await db.FloorMaps.Include(m => m.Places).FirstOrDefaultAsync(m => m.Code == key, ct);
        if (map is null)
        {
            var order = await db.FloorMaps.Select(m => (int?)m.SortOrder).MaxAsync(ct) ?? 0;
            map = new FloorMap
            {
                Code = key, Campus = document.Campus, Building = document.Building, Floor = document.Floor, Svg = drawing.Svg,
                Width = drawing.Width, Height = drawing.Height, SortOrder = order + 1, UpdatedAt = now,
            };
            db.FloorMaps.Add(map);
        }
        else
        {
            map.Campus = document.Campus;
            map.Building = document.Building;
            map.Floor = document.Floor;
            map.ReplaceDrawing(drawing.Svg, drawing.Width, drawing.Height, now);
        }
        map.Walkway = walkway;

        var ids = document.Places.Select(p => p.Id).ToList();
        var elsewhere = await db.MapPlaces.Where(p => ids.Contains(p.Id) && p.FloorMapId != map.Id).ToDictionaryAsync(p => p.Id, ct);
        foreach (var gone in map.Places.Where(p => !ids.Contains(p.Id)).ToList()) db.MapPlaces.Remove(gone);
        foreach (var p in document.Places)
        {
            var place = map.Places.FirstOrDefault(x => x.Id == p.Id) ?? elsewhere.GetValueOrDefault(p.Id);
            if (place is null)
            {
                place = new MapPlace { Id = p.Id, FloorMapId = map.Id, Name = p.Name, Kind = p.Kind, UpdatedAt = now };
                db.MapPlaces.Add(place);
            }
            place.FloorMapId = map.Id;
            place.Name = p.Name.Trim();
            place.Kind = p.Kind;
            place.Room = p.Room.Trim();
            place.DepartmentCode = string.IsNullOrWhiteSpace(p.DepartmentCode) ? null : p.DepartmentCode.Trim();
            place.Keywords = p.Keywords.Trim();
            place.X = p.X;
            place.Y = p.Y;
            place.NodeId = string.IsNullOrWhiteSpace(p.NodeId) ? walkway.Nearest(p.X, p.Y)?.Id : p.NodeId.Trim();
            place.UpdatedAt = now;
        }
    }

    /// <summary>A connector must lead somewhere: its key on another floor of the building (a passage: on another building),
    /// of the same kind. The first floor of a building to be drawn has nothing to meet yet, so it may publish first.</summary>
    private async Task CheckConnectorsAsync(string key, FloorMapDocument document, CancellationToken ct)
    {
        var connectors = document.Nodes.Where(n => !string.IsNullOrWhiteSpace(n.Connector)).ToList();
        if (connectors.Count == 0) return;
        var saved = await db.FloorMaps.AsNoTracking().Where(m => m.Code != key && m.Campus == document.Campus).ToListAsync(ct);
        var others = saved.Concat(db.FloorMaps.Local.Where(m => m.Code != key && m.Campus == document.Campus))
            .GroupBy(m => m.Code).Select(g => g.Last()).ToList();
        var sameBuilding = others.Where(m => m.Building == document.Building && m.Walkway.Nodes.Count > 0).ToList();
        foreach (var node in connectors)
        {
            var counterparts = others.SelectMany(m => m.Walkway.Nodes.Where(n => n.ConnectorKey == node.ConnectorKey).Select(n => (Map: m, Node: n)))
                .ToList();
            var label = ConnectorKind.Labels.GetValueOrDefault(node.Connector, node.Connector);
            if (counterparts.FirstOrDefault(c => c.Node.Connector != node.Connector) is { Map: not null } clash)
                throw Invalid("nodes", $"连接编号 {node.ConnectorKey} 在{clash.Map.Building}{clash.Map.FloorLabel}是{ConnectorKind.Labels.GetValueOrDefault(clash.Node.Connector!, clash.Node.Connector!)}，与本层的{label}不一致");
            if (counterparts.Count > 0) continue;
            var waitsForAnother = node.Connector == ConnectorKind.Passage
                ? others.All(m => m.Building == document.Building || m.Walkway.Nodes.Count == 0)
                : sameBuilding.Count == 0;
            if (!waitsForAnother)
                throw Invalid("nodes", $"{label}连接点 {node.Id}（连接编号 {node.ConnectorKey}）在其他楼层找不到对应的连接点，请先核对编号");
        }
    }

    private static ProblemException Invalid(string field, string message) =>
        ProblemException.Invalid(new Dictionary<string, string[]> { [field] = [message] });
}
