using Triage.API.Domain;

namespace Triage.API.Application;

/// <summary>Score per knowledge-base specialty with the reasons behind it.</summary>
internal sealed class Evidence
{
    private readonly Dictionary<string, (double Score, List<string> Reasons)> _bySpecialty = new(StringComparer.Ordinal);

    public bool IsEmpty => _bySpecialty.Count == 0;

    public void Add(string specialty, double score, string reason)
    {
        if (score <= 0) return;
        if (!_bySpecialty.TryGetValue(specialty, out var entry)) entry = (0, []);
        entry.Score += score;
        if (!entry.Reasons.Contains(reason)) entry.Reasons.Add(reason);
        _bySpecialty[specialty] = entry;
    }

    /// <summary>Moves the listed specialties' evidence to the rule's specialty and drops what it excludes, each with
    /// the rule's name as the reason.</summary>
    public void Apply(PopulationRule rule)
    {
        if (rule.RedirectTo is { } target)
            foreach (var from in rule.RedirectFrom.Where(f => f != target && _bySpecialty.ContainsKey(f)).ToList())
            {
                var (score, reasons) = _bySpecialty[from];
                _bySpecialty.Remove(from);
                if (!_bySpecialty.TryGetValue(target, out var into)) into = (0, []);
                into.Score += score;
                foreach (var reason in reasons.Append($"{rule.Name}：{from}的问题由{target}诊治"))
                    if (!into.Reasons.Contains(reason)) into.Reasons.Add(reason);
                _bySpecialty[target] = into;
            }
        foreach (var excluded in rule.Exclude) _bySpecialty.Remove(excluded);
    }

    public IEnumerable<(string Specialty, double Score, List<string> Reasons)> Ranked() =>
        _bySpecialty.OrderByDescending(e => e.Value.Score).Select(e => (e.Key, e.Value.Score, e.Value.Reasons));
}
