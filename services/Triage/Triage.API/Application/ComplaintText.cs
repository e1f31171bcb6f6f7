using System.Text;

namespace Triage.API.Application;

/// <summary>Patients type on phones: full-width letters and digits, stray spaces, emoji. One normal form for the
/// complaint and for the knowledge base's terms, so both meet.</summary>
public static class ComplaintText
{
    public const int MaxLength = 500;

    public static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var raw in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsWhiteSpace(raw) || char.IsControl(raw) || char.IsSurrogate(raw)) continue;
            sb.Append(char.ToLowerInvariant(raw));
        }
        return sb.ToString();
    }

    private static readonly HashSet<char> ClauseBreaks = [.. "，。,.;；！!？?\n：:（）()【】[]~～…"];

    public static IEnumerable<string> Clauses(string normalized)
    {
        var sb = new StringBuilder();
        foreach (var c in normalized)
        {
            if (ClauseBreaks.Contains(c))
            {
                if (sb.Length > 0) yield return sb.ToString();
                sb.Clear();
            }
            else sb.Append(c);
        }
        if (sb.Length > 0) yield return sb.ToString();
    }
}
