namespace Platform.Fhir.Search;

/// <summary>Comparison prefixes for number, date and quantity search parameters.</summary>
public enum SearchPrefix
{
    Eq,
    Ne,
    Gt,
    Lt,
    Ge,
    Le,
    Sa,
    Eb,
    Ap,
}

internal static class SearchPrefixExtensions
{
    public static string ToCode(this SearchPrefix prefix) => prefix switch
    {
        SearchPrefix.Eq => "eq",
        SearchPrefix.Ne => "ne",
        SearchPrefix.Gt => "gt",
        SearchPrefix.Lt => "lt",
        SearchPrefix.Ge => "ge",
        SearchPrefix.Le => "le",
        SearchPrefix.Sa => "sa",
        SearchPrefix.Eb => "eb",
        SearchPrefix.Ap => "ap",
        _ => throw new ArgumentOutOfRangeException(nameof(prefix), prefix, null),
    };
}
