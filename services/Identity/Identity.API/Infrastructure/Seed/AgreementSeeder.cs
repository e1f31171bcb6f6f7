using Identity.API.Domain;
using Microsoft.EntityFrameworkCore;
using Platform.Persistence;

namespace Identity.API.Infrastructure.Seed;

/// <summary>Inserts agreement versions that are missing; published versions are never changed.</summary>
internal sealed class AgreementSeeder : ISeeder<IdentityDbContext>
{
    public async Task SeedAsync(IdentityDbContext db, CancellationToken ct)
    {
        var existing = await db.Agreements.Select(a => a.Kind + "/" + a.Version).ToHashSetAsync(ct);
        foreach (var text in AgreementTexts.All.Where(t => !existing.Contains(t.Kind + "/" + t.Version)))
            db.Agreements.Add(new Agreement
            {
                Kind = text.Kind, Version = text.Version, Title = text.Title, Body = text.Body, PublishedAt = text.PublishedAt,
            });
        await db.SaveChangesAsync(ct);
    }
}
