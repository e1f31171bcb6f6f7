using Microsoft.EntityFrameworkCore;

namespace Platform.Persistence;

/// <summary>Demo and reference data; must be safe to run on every start (insert what is missing, keep the rest).</summary>
public interface ISeeder<in TContext> where TContext : DbContext
{
    Task SeedAsync(TContext db, CancellationToken ct);
}
