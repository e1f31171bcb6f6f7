using Npgsql;

namespace Platform.Persistence;

/// <summary>Failures that mean "PostgreSQL is briefly out of reach" (restarting, failing over, a cut connection, a
/// timeout) rather than "this request is wrong" or "our code is wrong". <see cref="DatabaseProblemMapper"/> answers them 503 with
/// Retry-After, so the app and the edge try again, instead of a 500 that reads as a bug; ./platform chaos restarts
/// PostgreSQL under load.</summary>
public static class TransientFailures
{
    public static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException pg) return IsUnavailableState(pg.SqlState);
            if (e is NpgsqlException { IsTransient: true }) return true;
        }
        return false;
    }

    // 57P01-03: the server is shutting down or starting; class 08: the connection failed; 53300: too many connections.
    private static bool IsUnavailableState(string state) =>
        state is "57P01" or "57P02" or "57P03" or "53300" || state.StartsWith("08", StringComparison.Ordinal);
}
