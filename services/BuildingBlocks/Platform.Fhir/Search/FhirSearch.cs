using System.Globalization;
using System.Text;
using Hl7.Fhir.Rest;

namespace Platform.Fhir.Search;

/// <summary>
/// Firely's SearchParams takes values as FHIR search syntax and does not escape them; these helpers escape the
/// characters FHIR search gives a meaning (<c>\,</c> <c>\$</c> <c>\|</c> <c>\\</c>) in the values they are given, while
/// the separators they add themselves (<c>,</c> between alternatives, <c>|</c> in tokens) stay unescaped.
/// </summary>
public static class FhirSearch
{
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

    /// <summary>A token: <c>system|code</c>, or just <c>code</c> (any system) when system is null.</summary>
    public static SearchParams AddToken(this SearchParams query, string name, string? system, string code) =>
        query.Add(name, TokenValue(system, code));

    public static SearchParams AddIdentifier(this SearchParams query, string system, string value) =>
        query.AddToken("identifier", system, value);

    public static SearchParams AddReference(this SearchParams query, string name, string resourceType, string id) =>
        query.Add(name, Escape($"{resourceType}/{id}"));

    /// <summary>Matches any of several values (OR).</summary>
    public static SearchParams AddAnyOf(this SearchParams query, string name, IEnumerable<string> values) =>
        query.Add(name, string.Join(',', values.Select(Escape)));

    /// <summary>A date with a prefix such as <c>ge</c> or <c>lt</c>, to the second with its offset.</summary>
    public static SearchParams AddDate(this SearchParams query, string name, string prefix, DateTimeOffset value) =>
        query.Add(name, prefix + value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));

    private static string TokenValue(string? system, string code) =>
        system is null ? Escape(code) : $"{Escape(system)}|{Escape(code)}";
}
