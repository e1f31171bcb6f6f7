namespace Hospital.API.Domain.Navigation;

/// <summary>How a connector node takes patients off its floor: a lift (电梯), stairs (楼梯), an escalator (扶梯) to other
/// floors of its building, or a passage (连廊) to another building. Nodes with the same key are linked.</summary>
public static class ConnectorKind
{
    public const string Lift = "lift";
    public const string Stairs = "stairs";
    public const string Escalator = "escalator";
    public const string Passage = "passage";

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [Lift] = "电梯", [Stairs] = "楼梯", [Escalator] = "扶梯", [Passage] = "连廊",
    };

    public static bool IsKnown(string kind) => Labels.ContainsKey(kind);

    /// <summary>Wheelchairs, crutches and prams cannot use these.</summary>
    public static bool NeedsSteps(string? kind) => kind is Stairs or Escalator;
}

/// <summary>A point of the walkway on one floor (a corridor junction, a door, a lift landing), in the drawing's units.</summary>
public sealed record WalkwayNode(string Id, double X, double Y, string? Connector = null, string? ConnectorKey = null, string? Label = null)
{
    public bool IsConnector => !string.IsNullOrEmpty(Connector);
}

public sealed record WalkwayEdge(string From, string To);

/// <summary>The walkable paths of one floor: nodes, the straight corridors between them, and how many metres one drawing
/// unit is (the demo drawings are 1000 units for a 100-metre building).</summary>
public sealed record Walkway(double MetersPerUnit, IReadOnlyList<WalkwayNode> Nodes, IReadOnlyList<WalkwayEdge> Edges)
{
    public const double DefaultMetersPerUnit = 0.1;
    public static readonly Walkway Empty = new(DefaultMetersPerUnit, [], []);

    public WalkwayNode? Nearest(double x, double y) =>
        Nodes.MinBy(n => (n.X - x) * (n.X - x) + (n.Y - y) * (n.Y - y));
}
