using Platform.ServiceDefaults.Problems;

namespace FollowUp.API.Application;

internal static class Invalid
{
    public static ProblemException Field(string field, string message) =>
        ProblemException.Invalid(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>Trimmed text within <paramref name="max"/> characters; empty is an error when required.</summary>
    public static string? Text(string? value, string field, int max, string label, bool required = true)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0) return required ? throw Field(field, $"请填写{label}") : null;
        if (text.Length > max) throw Field(field, $"{label}不能超过{max}个字");
        return text;
    }
}
