namespace Hospital.API.Application.Publishing;

/// <summary>A content type staff can edit: <paramref name="Slug"/> names it in URLs ("hospital-profile"),
/// <paramref name="Label"/> in the admin console ("医院介绍"). <paramref name="FixedKeys"/>, when set, are the only
/// items of the type (a singleton profile has one key, "main").</summary>
public sealed record ContentTypeRegistration(string Slug, string Label, Type DocumentType, IReadOnlyList<string>? FixedKeys);

public sealed class ContentTypeRegistry(IEnumerable<ContentTypeRegistration> registrations)
{
    private readonly Dictionary<string, ContentTypeRegistration> _bySlug = registrations.ToDictionary(r => r.Slug, StringComparer.Ordinal);

    public IReadOnlyCollection<ContentTypeRegistration> All => _bySlug.Values;

    public ContentTypeRegistration Get(string slug) =>
        _bySlug.TryGetValue(slug, out var registration)
            ? registration
            : throw new Platform.ServiceDefaults.Problems.ProblemException(404, "content_type_unknown", "没有这种内容类型");

    public ContentTypeRegistration For<T>() => _bySlug.Values.Single(r => r.DocumentType == typeof(T));
}
