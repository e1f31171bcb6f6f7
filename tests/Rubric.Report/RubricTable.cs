using System.Text.RegularExpressions;

namespace Rubric.Report;

internal sealed record RubricItem(string Id, string Name, int Weight);

/// <summary>The indicator rows of shared/RUBRIC.md: R01–R39, B01, S01 (weighted) and X01–X13.</summary>
internal static partial class RubricTable
{
    public static List<RubricItem> Load(string path)
    {
        var items = new List<RubricItem>();
        foreach (var line in File.ReadLines(path))
        {
            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            if (cells.Length < 4 || !IdPattern().IsMatch(cells[1])) continue;
            var id = cells[1];
            if (id.StartsWith('X')) items.Add(new RubricItem(id, cells[2], 0));
            else
            {
                var weight = int.TryParse(cells[4].Replace("+", "").Replace("−", "-"), out var w) ? w : 0;
                items.Add(new RubricItem(id, cells[3], weight));
            }
        }
        return items;
    }

    [GeneratedRegex("^[RBSX][0-9]{2}$")]
    private static partial Regex IdPattern();
}
