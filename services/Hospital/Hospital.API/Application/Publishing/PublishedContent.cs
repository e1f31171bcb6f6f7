using Hospital.API.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hospital.API.Application.Publishing;

/// <summary>What patients read: the published version of each item, rich text rendered to sanitised HTML.</summary>
public sealed class PublishedContent<T>(HospitalDbContext db, ContentTypeRegistry registry) where T : class, IContentDocument
{
    private string Slug => registry.For<T>().Slug;

    public async Task<T?> GetAsync(string key, CancellationToken ct)
    {
        var slug = Slug;
        var body = await db.ContentItems.AsNoTracking().Where(i => i.ContentType == slug && i.Key == key && i.PublishedBody != null)
            .Select(i => i.PublishedBody).FirstOrDefaultAsync(ct);
        return body is null ? null : Rendered(body);
    }

    public async Task<Dictionary<string, T>> ListAsync(CancellationToken ct)
    {
        var slug = Slug;
        var rows = await db.ContentItems.AsNoTracking().Where(i => i.ContentType == slug && i.PublishedBody != null)
            .Select(i => new { i.Key, i.PublishedBody }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Key, r => Rendered(r.PublishedBody!), StringComparer.Ordinal);
    }

    public static T Rendered(string body)
    {
        var document = (T)ContentJson.Deserialize(body, typeof(T));
        ContentInspector.RenderRichText(document);
        return document;
    }
}
