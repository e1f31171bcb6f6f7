using Hospital.API.Domain.Navigation;

namespace Hospital.API.Application.Navigation;

/// <summary>Ranks places for what patients type: the exact name, then a name or everyday word containing the query
/// ("抽血" in the keywords of 门诊采血处), then abbreviations whose characters appear in order ("心内科" in
/// 心血管内科). Departments come before their clinics; the main campus before others.</summary>
public static class PlaceSearch
{
    public const int MaxQueryLength = 30;

    public static IReadOnlyList<PlaceDto> Rank(string query, IEnumerable<(MapPlace Place, FloorMap Map)> places, int take = 20)
    {
        var q = Normalize(query);
        if (q.Length == 0) return [];
        return places
            .Select(x => (x.Place, x.Map, Score: Score(q, x.Place)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Map.SortOrder)
            .ThenBy(x => x.Map.Floor)
            .ThenBy(x => x.Place.Room, StringComparer.Ordinal)
            .Take(take)
            .Select(x => PlaceDto.From(x.Place, x.Map))
            .ToList();
    }

    private static int Score(string q, MapPlace place)
    {
        var name = Normalize(place.Name);
        var keywords = place.Keywords.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Normalize).ToList();
        var kindBonus = place.Kind switch { PlaceKind.Department or PlaceKind.Lab or PlaceKind.Pharmacy or PlaceKind.Payment => 5, _ => 0 };
        int score;
        if (name == q || keywords.Contains(q)) score = 100;
        else if (name.StartsWith(q, StringComparison.Ordinal)) score = 80;
        else if (name.Contains(q, StringComparison.Ordinal)) score = 60;
        else if (keywords.Any(k => k.Contains(q, StringComparison.Ordinal))) score = 50;
        else if (Normalize(place.Room) == q) score = 45;
        else if (IsSubsequence(q, name) || keywords.Any(k => IsSubsequence(q, k))) score = 30;
        else return 0;
        return score + kindBonus;
    }

    private static bool IsSubsequence(string q, string text)
    {
        if (q.Length < 2) return false;
        var i = 0;
        foreach (var c in text)
            if (i < q.Length && c == q[i]) i++;
        return i == q.Length;
    }

    private static string Normalize(string text) =>
        new(text.Trim().ToLowerInvariant().Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c)).ToArray());
}
