namespace Triage.API.Application;

/// <summary>A term with a gap, written "吐…血" (or "吐*血"): its parts in order within one clause, at most
/// <see cref="MaxGap"/> characters apart. Patients put words between the halves ("吐了好几口鲜血", "头有点疼").</summary>
public sealed record GapTerm(string Text, IReadOnlyList<string> Parts)
{
    public const int MaxGap = 5;

    public static bool TryParse(string term, out GapTerm gap)
    {
        var parts = term.Split(['…', '*'], StringSplitOptions.RemoveEmptyEntries).Select(ComplaintText.Normalize).Where(p => p.Length > 0).ToList();
        gap = new GapTerm(term, parts);
        return parts.Count > 1 && (term.Contains('…') || term.Contains('*'));
    }

    /// <summary>Where the first part starts and the matched span, or null. The first part must begin a word
    /// (<paramref name="startsWord"/>), so 骨头疼 is not 头…疼.</summary>
    public (int Start, string Span)? FindIn(string clause, Func<int, bool> startsWord)
    {
        for (var start = clause.IndexOf(Parts[0], StringComparison.Ordinal); start >= 0;
             start = clause.IndexOf(Parts[0], start + 1, StringComparison.Ordinal))
        {
            if (!startsWord(start)) continue;
            var end = start + Parts[0].Length;
            var matched = true;
            foreach (var part in Parts.Skip(1))
            {
                var next = clause.IndexOf(part, end, StringComparison.Ordinal);
                if (next < 0 || next - end > MaxGap) { matched = false; break; }
                end = next + part.Length;
            }
            if (matched) return (start, clause[start..end]);
        }
        return null;
    }
}
