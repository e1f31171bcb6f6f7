using Hospital.API.Domain.Navigation;

namespace Hospital.API.Application.Navigation;

/// <summary>The walkways of a campus's floors as one graph: corridors within a floor, and connectors (nodes sharing a
/// key) between floors and buildings. Costs are seconds for a patient, so a lift's wait weighs against a long corridor.</summary>
public sealed class WalkwayGraph
{
    /// <summary>Metres a patient walks per second (unhurried, as outpatients and the elderly walk).</summary>
    public const double WalkingSpeed = 1.0;

    public sealed record Vertex(FloorMap Map, WalkwayNode Node)
    {
        public string Key => KeyOf(Map.Code, Node.Id);
    }

    public sealed record Link(string To, double Seconds, double Meters, string? Connector);

    private readonly Dictionary<string, Vertex> _vertices = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Link>> _links = new(StringComparer.Ordinal);

    public static string KeyOf(string mapCode, string nodeId) => $"{mapCode}/{nodeId}";

    public IReadOnlyDictionary<string, Vertex> Vertices => _vertices;

    public WalkwayGraph(IEnumerable<FloorMap> maps)
    {
        var byKey = new Dictionary<string, List<Vertex>>(StringComparer.Ordinal);
        foreach (var map in maps)
        {
            foreach (var node in map.Walkway.Nodes)
            {
                var vertex = new Vertex(map, node);
                _vertices[vertex.Key] = vertex;
                _links[vertex.Key] = [];
                if (node is { IsConnector: true, ConnectorKey: { } key })
                {
                    if (!byKey.TryGetValue(key, out var list)) byKey[key] = list = [];
                    list.Add(vertex);
                }
            }
            foreach (var edge in map.Walkway.Edges)
            {
                var a = KeyOf(map.Code, edge.From);
                var b = KeyOf(map.Code, edge.To);
                if (!_vertices.TryGetValue(a, out var va) || !_vertices.TryGetValue(b, out var vb)) continue;
                var meters = Math.Sqrt(Math.Pow(va.Node.X - vb.Node.X, 2) + Math.Pow(va.Node.Y - vb.Node.Y, 2)) * map.Walkway.MetersPerUnit;
                _links[a].Add(new Link(b, meters / WalkingSpeed, meters, null));
                _links[b].Add(new Link(a, meters / WalkingSpeed, meters, null));
            }
        }
        foreach (var group in byKey.Values)
            foreach (var a in group)
                foreach (var b in group.Where(b => b.Map.Code != a.Map.Code && b.Node.Connector == a.Node.Connector))
                {
                    var (seconds, meters) = Ride(a.Node.Connector!, Math.Max(1, Math.Abs(a.Map.Floor - b.Map.Floor)));
                    _links[a.Key].Add(new Link(b.Key, seconds, meters, a.Node.Connector));
                }
    }

    /// <summary>A lift costs its wait, then little per floor; stairs cost more per floor; a passage is a short walk.</summary>
    private static (double Seconds, double Meters) Ride(string connector, int floors) => connector switch
    {
        ConnectorKind.Lift => (40 + 5 * floors, 0),
        ConnectorKind.Stairs => (20 * floors, 0),
        ConnectorKind.Escalator => (25 * floors, 0),
        _ => (40, 40),
    };

    /// <summary>The quickest way between two vertices (Dijkstra), or null when none exists; <paramref name="accessible"/>
    /// leaves out stairs and escalators.</summary>
    public (List<Vertex> Path, List<Link> Links, double Seconds)? Shortest(string from, string to, bool accessible)
    {
        if (!_vertices.ContainsKey(from) || !_vertices.ContainsKey(to)) return null;
        var best = new Dictionary<string, double>(StringComparer.Ordinal) { [from] = 0 };
        var previous = new Dictionary<string, (string From, Link Link)>(StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        var frontier = new PriorityQueue<string, double>();
        frontier.Enqueue(from, 0);
        while (frontier.TryDequeue(out var current, out var cost))
        {
            if (!done.Add(current)) continue;
            if (current == to) break;
            foreach (var link in _links[current])
            {
                if (accessible && ConnectorKind.NeedsSteps(link.Connector)) continue;
                var next = cost + link.Seconds;
                if (next >= best.GetValueOrDefault(link.To, double.PositiveInfinity)) continue;
                best[link.To] = next;
                previous[link.To] = (current, link);
                frontier.Enqueue(link.To, next);
            }
        }
        if (!best.TryGetValue(to, out var total)) return null;
        var path = new List<Vertex> { _vertices[to] };
        var links = new List<Link>();
        for (var at = to; at != from; at = previous[at].From)
        {
            links.Add(previous[at].Link);
            path.Add(_vertices[previous[at].From]);
        }
        path.Reverse();
        links.Reverse();
        return (path, links, total);
    }
}
