using System.Globalization;
using System.Security;
using System.Text;

namespace Hospital.API.Infrastructure.Seed.Navigation;

/// <summary>Draws a demo floor plan: rooms along both sides of a corridor, each labelled with its name and number, the
/// stairs at the corridor's east end and, where the floor has one, the passage (连廊) at its west end. Returns the SVG, each
/// room's place point (at its door) and the walkway: a node on the corridor's centre line in front of every door, the
/// stairs and the passage, joined along the corridor; the lift's node is the lift connector.</summary>
internal static class FloorPlanDrawer
{
    public const double Width = 1000;
    public const double Height = 600;
    private const double Margin = 30;
    private const double CorridorTop = 260;
    private const double CorridorBottom = 340;

    private const double CorridorY = (CorridorTop + CorridorBottom) / 2;
    private const double StairsX = 945;
    private const double PassageX = 55;

    public sealed record Node(string Id, double X, double Y, string Connector = "", string ConnectorKey = "", string Label = "");

    public sealed record Drawn(string Svg, IReadOnlyList<(DemoRoom Room, string Number, double X, double Y, string NodeId)> Rooms,
        IReadOnlyList<Node> Nodes, IReadOnlyList<(string From, string To)> Edges);

    public static Drawn Draw(DemoFloor floor)
    {
        var rooms = floor.Rooms;
        var topCount = (rooms.Length + 1) / 2;
        var placed = new List<(DemoRoom Room, string Number, double X, double Y)>();
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {Width} {Height}" width="{Width}" height="{Height}">""");
        svg.Append(CultureInfo.InvariantCulture, $"""<title>{Escape($"{floor.Campus}{floor.Building}{floor.Floor}楼平面图")}</title>""");
        svg.Append(CultureInfo.InvariantCulture,
            $"""<rect x="{Margin}" y="{Margin}" width="{Width - 2 * Margin}" height="{Height - 2 * Margin}" fill="#f7f9fc" stroke="#5b6b82" stroke-width="4" rx="8"/>""");
        svg.Append(CultureInfo.InvariantCulture,
            $"""<rect x="{Margin}" y="{CorridorTop}" width="{Width - 2 * Margin}" height="{CorridorBottom - CorridorTop}" fill="#e8edf5"/>""");
        svg.Append(CultureInfo.InvariantCulture,
            $"""<text x="{Width / 2}" y="{(CorridorTop + CorridorBottom) / 2 + 8}" text-anchor="middle" font-size="22" fill="#7a8699">走廊 · {Escape(floor.Building)} {floor.Floor}F</text>""");
        for (var i = 0; i < rooms.Length; i++)
        {
            var top = i < topCount;
            var column = top ? i : i - topCount;
            var count = top ? topCount : rooms.Length - topCount;
            var roomWidth = (Width - 2 * Margin) / count;
            var x = Margin + column * roomWidth;
            var y = top ? Margin : CorridorBottom;
            var h = top ? CorridorTop - Margin : Height - Margin - CorridorBottom;
            var number = $"{floor.Floor}{(i + 1):00}";
            var fill = rooms[i].Kind switch
            {
                "lift" => "#dfe6ee", "toilet" => "#e3f1f7", "payment" => "#fff4de", "pharmacy" => "#e5f6e8",
                "lab" => "#f3e8fb", "department" => "#e6efff", _ => "#ffffff",
            };
            svg.Append(CultureInfo.InvariantCulture,
                $"""<rect x="{x:0.#}" y="{y:0.#}" width="{roomWidth:0.#}" height="{h:0.#}" fill="{fill}" stroke="#5b6b82" stroke-width="2"/>""");
            var cx = x + roomWidth / 2;
            var cy = y + h / 2;
            svg.Append(CultureInfo.InvariantCulture,
                $"""<text x="{cx:0.#}" y="{cy - 6:0.#}" text-anchor="middle" font-size="{(roomWidth < 140 ? 17 : 20)}" fill="#1f2d3d">{Escape(rooms[i].Name)}</text>""");
            svg.Append(CultureInfo.InvariantCulture,
                $"""<text x="{cx:0.#}" y="{cy + 22:0.#}" text-anchor="middle" font-size="15" fill="#5b6b82">{number}</text>""");
            placed.Add((rooms[i], number, Math.Round(cx, 1), Math.Round(top ? CorridorTop - 20 : CorridorBottom + 20, 1)));
        }
        Marker(svg, StairsX, "楼梯");
        if (floor.Passage is not null) Marker(svg, PassageX, "连廊");
        svg.Append("</svg>");
        var (nodes, edges, doors) = Walkway(floor, placed);
        return new Drawn(svg.ToString(), placed.Select((p, i) => (p.Room, p.Number, p.X, p.Y, doors[i])).ToList(), nodes, edges);
    }

    private static void Marker(StringBuilder svg, double x, string label) =>
        svg.Append(CultureInfo.InvariantCulture,
            $"""<rect x="{x - 22}" y="{CorridorTop + 4}" width="44" height="{CorridorBottom - CorridorTop - 8}" fill="#dfe6ee" stroke="#5b6b82" stroke-width="2" rx="4"/><text x="{x}" y="{CorridorY + 6}" text-anchor="middle" font-size="15" fill="#1f2d3d">{label}</text>""");

    private static (List<Node> Nodes, List<(string, string)> Edges, List<string> Doors) Walkway(DemoFloor floor,
        List<(DemoRoom Room, string Number, double X, double Y)> placed)
    {
        var nodes = new List<Node>();
        var doors = new List<string>();
        foreach (var p in placed)
        {
            var index = nodes.FindIndex(n => Math.Abs(n.X - p.X) < 0.5);
            if (index < 0)
            {
                nodes.Add(new Node($"c{nodes.Count + 1}", p.X, CorridorY));
                index = nodes.Count - 1;
            }
            if (p.Room.Kind == "lift") nodes[index] = nodes[index] with { Connector = "lift", ConnectorKey = floor.LiftKey, Label = "电梯" };
            doors.Add(nodes[index].Id);
        }
        nodes.Add(new Node("stairs", StairsX, CorridorY, "stairs", floor.StairsKey, "楼梯"));
        if (floor.Passage is not null) nodes.Add(new Node("passage", PassageX, CorridorY, "passage", floor.Passage, "连廊"));
        var along = nodes.OrderBy(n => n.X).ToList();
        var edges = along.Zip(along.Skip(1), (a, b) => (a.Id, b.Id)).ToList();
        return (nodes, edges, doors);
    }

    private static string Escape(string text) => SecurityElement.Escape(text);
}
