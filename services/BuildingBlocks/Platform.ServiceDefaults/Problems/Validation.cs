using System.Text.RegularExpressions;

namespace Platform.ServiceDefaults.Problems;

/// <summary>Collects field errors in Chinese; <see cref="ThrowIfAny"/> turns them into a 400 problem before any
/// data changes.</summary>
public sealed class Validation
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public Validation Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
        return this;
    }

    public Validation Required(string field, string? value, string label) =>
        string.IsNullOrWhiteSpace(value) ? Add(field, $"请填写{label}") : this;

    public Validation Length(string field, string? value, string label, int min, int max)
    {
        if (value is null) return this;
        var length = value.Trim().Length;
        return length < min || length > max ? Add(field, $"{label}长度应为{min}-{max}个字") : this;
    }

    /// <summary>Free text shown to other people: no markup and no control characters.</summary>
    public Validation PlainText(string field, string? value, string label)
    {
        if (string.IsNullOrEmpty(value)) return this;
        if (value.Any(c => c is '<' or '>' || (char.IsControl(c) && c is not '\n' and not '\r' and not '\t')))
            return Add(field, $"{label}不能包含尖括号或控制字符");
        return this;
    }

    public Validation Matches(string field, string? value, Regex pattern, string message) =>
        !string.IsNullOrEmpty(value) && !pattern.IsMatch(value) ? Add(field, message) : this;

    public void ThrowIfAny()
    {
        if (!IsValid) throw ProblemException.Invalid(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }
}
