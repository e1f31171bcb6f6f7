using System.Globalization;
using System.Security;
using System.Text;

namespace Hospital.API.Infrastructure.Seed.Navigation;

/// <summary>Draws a demo floor plan: rooms along both sides of a corridor, each labelled with its name and number.
/// Returns the SVG and the centre of each room, where its place point goes.</summary>
internal static class FloorPlanDrawer
{
    public const double Width = 1000;
    public const double Height = 600;
    private const double Margin = 30;
    private const double CorridorTop = 260;
    private const double CorridorBottom = 340;

    public sealed record Drawn(string Svg, IReadOnlyList<(DemoRoom Room, string Number, double X, double Y)> Rooms);

    public static Drawn Draw(DemoFloor floor)
    {
        var rooms = floor.Rooms;
        var topCount = (rooms.Length + 1) / 2;
        var placed = new List<(DemoRoom, string, double, double)>();
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
        svg.Append("</svg>");
        return new Drawn(svg.ToString(), placed);
    }

    private static string Escape(string text) => SecurityElement.Escape(text);
}
