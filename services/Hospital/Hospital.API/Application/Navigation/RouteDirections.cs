using Hospital.API.Domain.Navigation;

namespace Hospital.API.Application.Navigation;

/// <summary>Turns one floor's polyline into what a companion would say: 「直行约20米，右转约40米」. Bends under 30° are
/// walked straight on; stretches under 8 metres (out of a door onto the corridor) are not worth a word.</summary>
public static class RouteDirections
{
    private const double BendDegrees = 30;
    private const double NegligibleMeters = 8;

    public sealed record Run(double Meters, double Dx, double Dy);

    public static List<Run> Runs(IReadOnlyList<RoutePoint> points, double metersPerUnit)
    {
        var runs = new List<Run>();
        for (var i = 1; i < points.Count; i++)
        {
            var dx = points[i].X - points[i - 1].X;
            var dy = points[i].Y - points[i - 1].Y;
            var meters = Math.Sqrt(dx * dx + dy * dy) * metersPerUnit;
            if (meters < 0.01) continue;
            if (runs.Count > 0 && Math.Abs(Turn(runs[^1], dx, dy)) < BendDegrees)
                runs[^1] = runs[^1] with { Meters = runs[^1].Meters + meters, Dx = dx, Dy = dy };
            else runs.Add(new Run(meters, dx, dy));
        }
        if (runs.Count > 1 && runs[^1].Meters < NegligibleMeters)
        {
            runs[^2] = runs[^2] with { Meters = runs[^2].Meters + runs[^1].Meters };
            runs.RemoveAt(runs.Count - 1);
        }
        return runs;
    }

    /// <summary>Degrees from the previous heading to (dx, dy); positive is to the right (the drawing's y axis points down).</summary>
    public static double Turn(Run previous, double dx, double dy)
    {
        var cross = previous.Dx * dy - previous.Dy * dx;
        var dot = previous.Dx * dx + previous.Dy * dy;
        return Math.Atan2(cross, dot) * 180 / Math.PI;
    }

    /// <summary>「出门右转约40米」 when the walk starts by stepping out of a door onto a corridor, else 「直行约20米」 (a patient
    /// has no heading yet); then each turn.</summary>
    public static string Walk(IReadOnlyList<Run> runs)
    {
        var parts = new List<string>();
        var first = runs.Count > 1 && runs[0].Meters < NegligibleMeters ? 1 : 0;
        for (var i = first; i < runs.Count; i++)
        {
            var way = i == 0 ? "直行" : Way(Turn(runs[i - 1], runs[i].Dx, runs[i].Dy));
            parts.Add($"{(i == first && first == 1 ? "出门" : "")}{way}约{Meters(runs[i].Meters)}米");
        }
        return string.Join("，", parts);
    }

    private static string Way(double turn) => turn switch
    {
        > 150 or < -150 => "掉头",
        > BendDegrees => "右转",
        < -BendDegrees => "左转",
        _ => "直行",
    };

    public static int Meters(double meters) => meters < 5 ? Math.Max(1, (int)Math.Round(meters)) : (int)(Math.Round(meters / 5) * 5);

    public static string FloorName(int floor) => floor < 0 ? $"地下{-floor}层" : $"{floor}楼";

    public static string Ride(string connector, string label, FloorMap to, FloorMap from) => connector switch
    {
        ConnectorKind.Passage => $"经{label}到{to.Building}{FloorName(to.Floor)}",
        ConnectorKind.Stairs => $"走{label}{(to.Floor > from.Floor ? "上" : "下")}到{FloorName(to.Floor)}",
        _ => $"乘{label}{(to.Building != from.Building ? $"到{to.Building}" : "到")}{FloorName(to.Floor)}",
    };
}
