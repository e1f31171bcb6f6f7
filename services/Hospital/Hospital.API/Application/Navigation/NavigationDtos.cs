using Hospital.API.Domain.Navigation;

namespace Hospital.API.Application.Navigation;

public sealed record FloorMapSummaryDto(string Code, string Campus, string Building, int Floor, string FloorLabel, int PlaceCount);

public sealed record PlaceDto(
    string Id, string Name, string Kind, string KindLabel, string Room, string? DepartmentCode, string Keywords, double X, double Y,
    string MapCode, string Campus, string Building, int Floor, string FloorLabel)
{
    public string Where => $"{Campus} {Building} {FloorLabel}{(Room.Length > 0 ? $" {Room}" : "")}";

    public static PlaceDto From(MapPlace p, FloorMap m) =>
        new(p.Id, p.Name, p.Kind, PlaceKind.Labels.GetValueOrDefault(p.Kind, p.Kind), p.Room, p.DepartmentCode, p.Keywords, p.X, p.Y,
            m.Code, m.Campus, m.Building, m.Floor, m.FloorLabel);
}

public sealed record FloorMapDto(
    string Code, string Campus, string Building, int Floor, string FloorLabel, double Width, double Height, string Svg,
    int Version, DateTimeOffset UpdatedAt, IReadOnlyList<PlaceDto> Places)
{
    public static FloorMapDto From(FloorMap m) =>
        new(m.Code, m.Campus, m.Building, m.Floor, m.FloorLabel, m.Width, m.Height, m.Svg, m.Version, m.UpdatedAt,
            m.Places.OrderBy(p => p.Room).ThenBy(p => p.Name).Select(p => PlaceDto.From(p, m)).ToList());
}
