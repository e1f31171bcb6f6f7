using JiebaNet.Segmenter;

namespace Triage.API.Application;

/// <summary>Finds the knowledge base's symptoms in free Chinese text. jieba segments each clause with every term of
/// the base in its dictionary; a term counts where it lines up with whole words (or sits inside one word, as 头痛 in
/// 剧烈头痛), so 担心/痛 never reads as 心痛, and a term after a negation (没有发烧) is dropped.</summary>
public sealed class ComplaintReader
{
    private static readonly HashSet<string> Negations = ["没有", "没", "无", "未", "否认", "不", "并无", "并没有", "从不", "从没", "未见", "不伴", "不伴有"];
    private static readonly HashSet<string> NegationBreaks = ["但", "但是", "可是", "却", "而且", "还", "又", "就", "然后", "后来", "现在"];
    private const int NegationReach = 3;
    private const int MaxWordsPerTerm = 6;

    private readonly JiebaSegmenter _segmenter;
    private readonly Lock _gate = new();
    private readonly HashSet<string> _known = [];

    public ComplaintReader()
    {
        ConfigManager.ConfigFileBaseDir = Path.Combine(AppContext.BaseDirectory, "Resources");
        _segmenter = new JiebaSegmenter();
    }

    public IReadOnlyList<SymptomMention> Read(string complaint, KnowledgeSnapshot kb)
    {
        var found = new List<SymptomMention>();
        foreach (var clause in ComplaintText.Clauses(ComplaintText.Normalize(complaint)))
        {
            var words = Segment(clause, kb);
            var starts = WordStarts(words);
            var hits = new List<Hit>();
            for (var i = 0; i < words.Count; i++)
            {
                if (IsNegated(words, i)) continue;
                foreach (var (term, offset) in TermsStartingAt(words, i, kb))
                    foreach (var symptom in kb.SymptomsForTerm(term))
                        hits.Add(new Hit(symptom, term, starts[i] + offset, Loose: false));
            }
            foreach (var (gap, symptom) in kb.GapTerms)
                if (gap.FindIn(clause, starts.Contains) is { } hit && !IsNegated(words, WordAt(words, hit.Start)))
                    hits.Add(new Hit(symptom, hit.Span, hit.Start, Loose: true));
            // The longest exact reading wins: 腿抽筋 is a cramp, so the 抽筋 inside it is not also a convulsion. A gap
            // term's span holds other words (背部撕裂样剧痛), so it hides nothing.
            foreach (var hit in hits.Where(h => !hits.Any(o => o.Covers(h))).OrderBy(h => h.Start))
                if (found.All(f => f.Symptom.Name != hit.Symptom.Name)) found.Add(new SymptomMention(hit.Symptom, hit.Matched));
        }
        return found;
    }

    private sealed record Hit(Domain.Symptom Symptom, string Matched, int Start, bool Loose)
    {
        private int End => Start + Matched.Length;

        public bool Covers(Hit other) =>
            !Loose && other.Symptom.Name != Symptom.Name && Matched.Length > other.Matched.Length && Start <= other.Start && End >= other.End;
    }

    /// <summary>The character offset at which each word starts.</summary>
    private static List<int> WordStarts(List<string> words)
    {
        var starts = new List<int>(words.Count);
        var position = 0;
        foreach (var word in words)
        {
            starts.Add(position);
            position += word.Length;
        }
        return starts;
    }

    /// <summary>The index of the word holding character <paramref name="offset"/> of the clause.</summary>
    private static int WordAt(List<string> words, int offset)
    {
        var position = 0;
        for (var i = 0; i < words.Count; i++)
        {
            position += words[i].Length;
            if (offset < position) return i;
        }
        return words.Count - 1;
    }

    /// <summary>Aligned runs of whole words starting at word <paramref name="start"/>, and terms inside that word, each
    /// with its offset from the word's start.</summary>
    private static IEnumerable<(string Term, int Offset)> TermsStartingAt(List<string> words, int start, KnowledgeSnapshot kb)
    {
        var run = "";
        for (var j = start; j < words.Count && j < start + MaxWordsPerTerm; j++)
        {
            run += words[j];
            if (run.Length > kb.LongestTerm) break;
            if (kb.SymptomsForTerm(run).Count > 0) yield return (run, 0);
        }
        var word = words[start];
        for (var from = 0; from < word.Length; from++)
            for (var length = 2; from + length <= word.Length; length++)
            {
                if (length == word.Length) continue;
                var inner = word.Substring(from, length);
                if (kb.SymptomsForTerm(inner).Count > 0) yield return (inner, from);
            }
    }

    private static bool IsNegated(List<string> words, int index)
    {
        for (var k = index - 1; k >= 0 && k >= index - NegationReach; k--)
        {
            if (NegationBreaks.Contains(words[k])) return false;
            if (Negations.Contains(words[k])) return true;
        }
        return false;
    }

    private List<string> Segment(string clause, KnowledgeSnapshot kb)
    {
        lock (_gate)
        {
            foreach (var term in kb.Terms.Concat(kb.GapTerms.SelectMany(g => g.Term.Parts.Where(p => p.Length > 1))))
                if (_known.Add(term)) _segmenter.AddWord(term, 2000);
            return _segmenter.Cut(clause, cutAll: false, hmm: true).Where(w => w.Length > 0).ToList();
        }
    }
}
