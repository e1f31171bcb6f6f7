namespace Hospital.API.Application.Navigation;

public sealed record RoutePoint(double X, double Y);

/// <summary>The part of a route on one floor: the polyline to draw over that floor's drawing (its units), how the patient
/// arrives on the floor (<see cref="ArriveBy"/>: null at the start, else lift/stairs/escalator/passage) and leaves it.</summary>
public sealed record RouteLegDto(
    string MapCode, string Campus, string Building, int Floor, string FloorLabel, IReadOnlyList<RoutePoint> Points, string? ArriveBy,
    string? LeaveBy, string Instruction);

/// <summary>A walking route between two places: a polyline per floor, steps to read out, distance and minutes.</summary>
public sealed record RouteDto(
    PlaceDto From, PlaceDto To, bool Accessible, int DistanceMeters, int WalkingMinutes, IReadOnlyList<RouteLegDto> Legs,
    IReadOnlyList<string> Steps, string Summary);
