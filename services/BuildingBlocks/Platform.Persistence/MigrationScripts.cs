using System.Reflection;

namespace Platform.Persistence;

/// <summary>SQL migrations shipped as embedded resources named <c>*.Migrations.NNNN_description.sql</c>.
/// The EF design-time tooling is not available to us, so schema changes are written as reviewed SQL.</summary>
public sealed record MigrationScripts(string Source, Assembly Assembly)
{
    public IEnumerable<(string Id, string Sql)> Load()
    {
        var names = Assembly.GetManifestResourceNames()
            .Where(n => n.Contains(".Migrations.", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .OrderBy(n => n, StringComparer.Ordinal);
        foreach (var name in names)
        {
            using var stream = Assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var file = name[(name.IndexOf(".Migrations.", StringComparison.Ordinal) + ".Migrations.".Length)..];
            yield return ($"{Source}/{file}", reader.ReadToEnd());
        }
    }
}
