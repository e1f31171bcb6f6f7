namespace Hospital.API.Domain.Navigation;

/// <summary>One drawn floor of one building of a campus. <see cref="Code"/> is stable ("main-mzl-3") so links and
/// QR codes keep working when staff replace the drawing.</summary>
public sealed class FloorMap
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Code { get; init; }
    public required string Campus { get; set; }
    public required string Building { get; set; }
    public required int Floor { get; set; }
    /// <summary>Sanitised SVG: no scripts, no event handlers, no external references.</summary>
    public required string Svg { get; set; }
    public required double Width { get; set; }
    public required double Height { get; set; }
    public int SortOrder { get; set; }
    public int Version { get; set; } = 1;
    public required DateTimeOffset UpdatedAt { get; set; }

    public string FloorLabel => Floor < 0 ? $"B{-Floor}" : $"{Floor}F";

    public List<MapPlace> Places { get; init; } = [];

    /// <summary>Where patients can walk on this floor; routes are planned over it.</summary>
    public Walkway Walkway { get; set; } = Walkway.Empty;

    public void ReplaceDrawing(string svg, double width, double height, DateTimeOffset now)
    {
        Svg = svg;
        Width = width;
        Height = height;
        Version++;
        UpdatedAt = now;
    }
}
