using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Queue.API.Infrastructure;

namespace Queue.API.Application;

/// <summary>How long one patient takes at this clinic today: the median gap between today's calls, so one long
/// consultation or a lunch break does not swing every estimate; the configured default until two calls exist.</summary>
public sealed class WaitEstimates(QueueDbContext db, IOptions<QueueOptions> options, TimeProvider clock)
{
    public async Task<double> MinutesPerPatientAsync(Guid queueId, CancellationToken ct)
    {
        var since = ClinicDay.StartOf(ClinicDay.Of(clock.GetUtcNow()));
        var calls = await db.Calls.AsNoTracking().Where(c => c.QueueId == queueId && c.CalledAt >= since)
            .OrderBy(c => c.CalledAt).Select(c => c.CalledAt).ToListAsync(ct);
        return Median(calls) ?? options.Value.DefaultMinutesPerPatient;
    }

    public static double? Median(IReadOnlyList<DateTimeOffset> calls)
    {
        if (calls.Count < 2) return null;
        var gaps = calls.Zip(calls.Skip(1), (a, b) => (b - a).TotalMinutes).Order().ToList();
        var mid = gaps.Count / 2;
        return gaps.Count % 2 == 1 ? gaps[mid] : (gaps[mid - 1] + gaps[mid]) / 2;
    }

    public static int EstimatedMinutes(int peopleAhead, double minutesPerPatient) =>
        (int)Math.Ceiling(peopleAhead * minutesPerPatient);
}
