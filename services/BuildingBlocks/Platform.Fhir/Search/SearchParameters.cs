using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Platform.Fhir.Serialization;

namespace Platform.Fhir.Search;

/// <summary>
/// Builds a FHIR search query. Values are escaped as the spec requires (<c>\,</c> <c>\$</c> <c>\|</c> <c>\\</c>)
/// and then URL-encoded; the separators the builder itself adds (<c>,</c> between alternatives,
/// <c>|</c> in tokens and quantities) stay unescaped.
/// </summary>
public sealed partial class SearchParameters
{
    private readonly List<KeyValuePair<string, string>> parameters = [];

    public IReadOnlyList<KeyValuePair<string, string>> Parameters => parameters;

    /// <summary>Adds a value already in FHIR search syntax (nothing is escaped but the URL encoding).</summary>
    public SearchParameters Add(string name, string fhirValue)
    {
        if (!ParameterNamePattern().IsMatch(name))
            throw new ArgumentException($"'{name}' is not a search parameter name.", nameof(name));
        parameters.Add(new(name, fhirValue));
        return this;
    }

    public SearchParameters String(string name, string value, StringMatch match = StringMatch.StartsWith) =>
        Add(match switch
        {
            StringMatch.Exact => name + ":exact",
            StringMatch.Contains => name + ":contains",
            _ => name,
        }, Escape(value));

    /// <summary>A token: <c>system|code</c>, <c>|code</c> (no system) or just <c>code</c> (any system).</summary>
    public SearchParameters Token(string name, string? system, string code) =>
        Add(name, TokenValue(system, code));

    /// <summary>Matches any of several tokens (OR).</summary>
    public SearchParameters AnyToken(string name, string? system, params IEnumerable<string> codes) =>
        Add(name, string.Join(',', codes.Select(code => TokenValue(system, code))));

    public SearchParameters AnyOf(string name, params IEnumerable<string> values) =>
        Add(name, string.Join(',', values.Select(Escape)));

    public SearchParameters Identifier(string system, string value) => Token("identifier", system, value);

    public SearchParameters Reference(string name, string resourceType, string id) =>
        Add(name, Escape($"{resourceType}/{id}"));

    public SearchParameters Reference<TResource>(string name, string id) where TResource : Resource =>
        Reference(name, ResourceTypeRegistry.NameOf<TResource>(), id);

    public SearchParameters Date(string name, SearchPrefix prefix, FhirDateTime value) =>
        Add(name, prefix.ToCode() + value.Value);

    public SearchParameters Number(string name, SearchPrefix prefix, decimal value) =>
        Add(name, prefix.ToCode() + value.ToString(CultureInfo.InvariantCulture));

    public SearchParameters Quantity(string name, SearchPrefix prefix, decimal value, string? system = null, string? code = null) =>
        Add(name, prefix.ToCode() + value.ToString(CultureInfo.InvariantCulture)
                  + (system is null && code is null ? "" : $"|{Escape(system ?? "")}|{Escape(code ?? "")}"));

    public SearchParameters Missing(string name, bool missing) => Add(name + ":missing", missing ? "true" : "false");

    public SearchParameters Include(string sourceType, string searchParameter, string? targetType = null) =>
        Add("_include", IncludeValue(sourceType, searchParameter, targetType));

    public SearchParameters RevInclude(string sourceType, string searchParameter, string? targetType = null) =>
        Add("_revinclude", IncludeValue(sourceType, searchParameter, targetType));

    public SearchParameters Count(int pageSize) => pageSize > 0
        ? Add("_count", pageSize.ToString(CultureInfo.InvariantCulture))
        : throw new ArgumentOutOfRangeException(nameof(pageSize), "A page holds at least one entry.");

    /// <summary>Sort keys; prefix a key with '-' for descending.</summary>
    public SearchParameters Sort(params IEnumerable<string> keys) => Add("_sort", string.Join(',', keys));

    public SearchParameters Id(string id) => Add("_id", Escape(id));

    public SearchParameters LastUpdated(SearchPrefix prefix, FhirDateTime value) => Date("_lastUpdated", prefix, value);

    /// <summary>The query string without a leading '?', each name and value URL-encoded.</summary>
    public string ToQueryString()
    {
        var query = new StringBuilder();
        foreach (var (name, value) in parameters)
        {
            if (query.Length > 0) query.Append('&');
            query.Append(Uri.EscapeDataString(name).Replace("%3A", ":", StringComparison.Ordinal))
                .Append('=')
                .Append(Uri.EscapeDataString(value));
        }
        return query.ToString();
    }

    public override string ToString() => ToQueryString();

    /// <summary>Escapes the characters FHIR search gives a meaning: \ , $ |.</summary>
    public static string Escape(string value)
    {
        var escaped = new StringBuilder(value.Length + 4);
        foreach (var c in value)
        {
            if (c is '\\' or ',' or '$' or '|') escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    private static string TokenValue(string? system, string code) =>
        system is null ? Escape(code) : $"{Escape(system)}|{Escape(code)}";

    private static string IncludeValue(string sourceType, string searchParameter, string? targetType) =>
        targetType is null ? $"{sourceType}:{searchParameter}" : $"{sourceType}:{searchParameter}:{targetType}";

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_\-\.]*(:[A-Za-z0-9_\-\.]+)*$")]
    private static partial Regex ParameterNamePattern();
}

public enum StringMatch
{
    StartsWith,
    Exact,
    Contains,
}
