namespace Hospital.API.Domain.Navigation;

/// <summary>An uploaded, already sanitised floor-plan SVG. Immutable: a floor-map draft points at one, and publishing
/// copies it onto the floor, so a drawing under review can never change underneath its reviewer.</summary>
public sealed class MapDrawing
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Svg { get; init; }
    public required double Width { get; init; }
    public required double Height { get; init; }
    public required Guid UploadedBy { get; init; }
    public required string UploadedByName { get; init; }
    public required DateTimeOffset UploadedAt { get; init; }
}
