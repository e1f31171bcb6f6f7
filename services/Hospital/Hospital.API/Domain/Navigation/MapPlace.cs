namespace Hospital.API.Domain.Navigation;

/// <summary>A spot patients look for (a department, a clinic, the blood-drawing room, a lift…). <see cref="Id"/> is a
/// stable slug other features link to: <c>/navigation?to=&lt;id&gt;</c>, and QR codes carry it as <c>map:&lt;id&gt;</c>.</summary>
public sealed class MapPlace
{
    public required string Id { get; init; }
    public required Guid FloorMapId { get; set; }
    public required string Name { get; set; }
    public required string Kind { get; set; }
    public string Room { get; set; } = "";
    /// <summary>The HIS department code when the place belongs to a department.</summary>
    public string? DepartmentCode { get; set; }
    /// <summary>Words patients use for it ("抽血 采血 验血"), separated by spaces.</summary>
    public string Keywords { get; set; } = "";
    /// <summary>Position in the floor map's SVG user units.</summary>
    public double X { get; set; }
    public double Y { get; set; }
    /// <summary>The walkway node a route to this place starts or ends at: the one staff named, else the nearest.</summary>
    public string? NodeId { get; set; }
    public required DateTimeOffset UpdatedAt { get; set; }

    public FloorMap? FloorMap { get; init; }
}
