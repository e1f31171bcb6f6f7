using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.ServiceDefaults.Problems;

namespace Scheduling.API.Infrastructure;

/// <summary>Saves, turning the races PostgreSQL settles into conflicts a patient can act on: a row changed since it was
/// read (its xmin) and a unique index another request filled first.</summary>
public static class RaceConflicts
{
    public static async Task SaveOrConflictAsync(this SchedulingDbContext db, ProblemException changed, string uniqueIndex,
        Func<ProblemException> filled, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw changed;
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg
                                          && pg.ConstraintName == uniqueIndex)
        {
            throw filled();
        }
    }
}
