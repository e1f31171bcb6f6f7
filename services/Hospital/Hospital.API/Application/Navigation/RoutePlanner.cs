using Hospital.API.Domain.Navigation;
using Hospital.API.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Problems;

namespace Hospital.API.Application.Navigation;

/// <summary>Plans the walk between two places of one campus over the published walkways, and says it as steps.</summary>
public sealed class RoutePlanner(HospitalDbContext db)
{
    public async Task<RouteDto> PlanAsync(string? fromId, string? toId, bool accessible, CancellationToken ct)
    {
        var missing = new Validation();
        missing.Required("from", fromId, "起点").Required("to", toId, "终点").ThrowIfAny();
        var from = await PlaceAsync(fromId!, "起点", ct);
        var to = await PlaceAsync(toId!, "终点", ct);
        if (from.FloorMap!.Campus != to.FloorMap!.Campus)
            throw NoRoute($"{from.Name}在{from.FloorMap.Campus}，{to.Name}在{to.FloorMap.Campus}，两个院区之间请乘车前往");
        var maps = await db.FloorMaps.AsNoTracking().Where(m => m.Campus == from.FloorMap.Campus).ToListAsync(ct);
        return Plan(new WalkwayGraph(maps), from, to, accessible);
    }

    public static RouteDto Plan(WalkwayGraph graph, MapPlace from, MapPlace to, bool accessible)
    {
        var fromMap = from.FloorMap!;
        var toMap = to.FloorMap!;
        var fromDto = PlaceDto.From(from, fromMap);
        var toDto = PlaceDto.From(to, toMap);
        if (from.Id == to.Id)
        {
            var here = new RouteLegDto(fromMap.Code, fromMap.Campus, fromMap.Building, fromMap.Floor, fromMap.FloorLabel,
                [new RoutePoint(from.X, from.Y)], null, null, $"您已在{from.Name}");
            return new RouteDto(fromDto, toDto, accessible, 0, 0, [here], [here.Instruction], here.Instruction);
        }
        if (from.NodeId is null || to.NodeId is null)
            throw NoRoute($"{(from.NodeId is null ? fromMap : toMap).Building}{(from.NodeId is null ? fromMap : toMap).FloorLabel}尚未绘制通道，暂时无法规划路线，请咨询服务台");
        var found = graph.Shortest(WalkwayGraph.KeyOf(fromMap.Code, from.NodeId), WalkwayGraph.KeyOf(toMap.Code, to.NodeId), accessible)
            ?? throw NoRoute(accessible
                ? $"从{from.Name}到{to.Name}暂无无障碍路线（需经楼梯或扶梯），请咨询服务台协助"
                : $"从{from.Name}到{to.Name}暂时没有可通行的路线，请咨询服务台");

        var legs = new List<RouteLegDto>();
        var steps = new List<string>();
        var (path, links, seconds) = found;
        var meters = 0.0;
        var start = 0;
        string? arriveBy = null;
        for (var i = 0; i <= path.Count - 1; i++)
        {
            var last = i == path.Count - 1;
            var changesFloor = !last && links[i].Connector is not null;
            if (!last && !changesFloor) continue;
            var map = path[i].Map;
            var points = path.Skip(start).Take(i - start + 1).Select(v => new RoutePoint(v.Node.X, v.Node.Y)).ToList();
            if (start == 0) points.Insert(0, new RoutePoint(from.X, from.Y));
            if (last) points.Add(new RoutePoint(to.X, to.Y));
            var runs = RouteDirections.Runs(points, map.Walkway.MetersPerUnit);
            meters += runs.Sum(r => r.Meters);
            var walk = RouteDirections.Walk(runs);
            var opening = start == 0 ? $"从{from.Name}出发" : $"出{Label(path[start].Node)}后";
            var ending = last ? $"到达{to.Name}" : $"到{Label(path[i].Node)}";
            var instruction = walk.Length == 0 ? $"{opening}，{ending}" : $"{opening}，{walk}{(last ? "，" : "")}{ending}";
            steps.Add(instruction);
            string? leaveBy = null;
            if (changesFloor)
            {
                leaveBy = links[i].Connector;
                meters += links[i].Meters;
                steps.Add(RouteDirections.Ride(leaveBy!, Label(path[i].Node), path[i + 1].Map, map));
            }
            legs.Add(new RouteLegDto(map.Code, map.Campus, map.Building, map.Floor, map.FloorLabel, points, arriveBy, leaveBy, instruction));
            arriveBy = leaveBy;
            start = i + 1;
        }
        // The graph's time runs node to node; the steps from the start place to its node and from the last node to the end
        // place are walked too.
        var doors = (Distance(from.X, from.Y, path[0].Node) * fromMap.Walkway.MetersPerUnit
                     + Distance(to.X, to.Y, path[^1].Node) * path[^1].Map.Walkway.MetersPerUnit) / WalkwayGraph.WalkingSpeed;
        var walkingMeters = (int)Math.Round(meters);
        var minutes = Math.Max(1, (int)Math.Ceiling((seconds + doors) / 60));
        return new RouteDto(fromDto, toDto, accessible, walkingMeters, minutes, legs, steps, string.Join("，", steps));
    }

    private static double Distance(double x, double y, WalkwayNode node) => Math.Sqrt(Math.Pow(x - node.X, 2) + Math.Pow(y - node.Y, 2));

    private static string Label(WalkwayNode node) =>
        node.Label ?? ConnectorKind.Labels.GetValueOrDefault(node.Connector ?? "", "通道");

    private async Task<MapPlace> PlaceAsync(string id, string role, CancellationToken ct) =>
        await db.MapPlaces.AsNoTracking().Include(p => p.FloorMap).FirstOrDefaultAsync(p => p.Id == id, ct)
        ?? throw new ProblemException(404, "place_not_found", $"{role}位置不存在，请重新选择");

    private static ProblemException NoRoute(string message) => new(422, "no_route", message);
}
