using Microsoft.EntityFrameworkCore;
using Triage.API.Infrastructure;

namespace Triage.API.Application;

/// <summary>The snapshot every assessment reads. This replica drops it the moment staff edit the base here or a
/// department changes; other replicas pick the change up within <see cref="TriageOptions.KnowledgeRefresh"/>.</summary>
public sealed class KnowledgeCache(IServiceScopeFactory scopes, TimeProvider clock, Microsoft.Extensions.Options.IOptions<TriageOptions> options)
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private KnowledgeSnapshot? _snapshot;
    private DateTimeOffset _loadedAt;

    public void Invalidate() => _snapshot = null;

    public async Task<KnowledgeSnapshot> GetAsync(CancellationToken ct)
    {
        if (Fresh(_snapshot) is { } current) return current;
        await _loading.WaitAsync(ct);
        try
        {
            if (Fresh(_snapshot) is { } loaded) return loaded;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TriageDbContext>();
            var snapshot = new KnowledgeSnapshot(
                await db.BodyParts.AsNoTracking().ToListAsync(ct),
                await db.Symptoms.AsNoTracking().OrderBy(s => s.Name).ToListAsync(ct),
                await db.Questions.AsNoTracking().OrderBy(q => q.Code).ToListAsync(ct),
                await db.RedFlags.AsNoTracking().ToListAsync(ct),
                await db.PopulationRules.AsNoTracking().OrderBy(r => r.Priority).ThenBy(r => r.Code).ToListAsync(ct),
                await db.Specialties.AsNoTracking().ToListAsync(ct),
                await db.Departments.AsNoTracking().ToListAsync(ct));
            _snapshot = snapshot;
            _loadedAt = clock.GetUtcNow();
            return snapshot;
        }
        finally
        {
            _loading.Release();
        }
    }

    private KnowledgeSnapshot? Fresh(KnowledgeSnapshot? snapshot) =>
        snapshot is not null && clock.GetUtcNow() - _loadedAt < options.Value.KnowledgeRefresh ? snapshot : null;
}
