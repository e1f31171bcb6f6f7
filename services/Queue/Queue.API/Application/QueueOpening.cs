using Microsoft.EntityFrameworkCore;
using Queue.API.Infrastructure;

namespace Queue.API.Application;

/// <summary>Makes sure a day's queue exists (a booking, an exam or a dispensed prescription may be the first to name it) and
/// returns its id; concurrent consumers race on the unique key, never on a duplicate.</summary>
public static class QueueOpening
{
    public static async Task<Guid> EnsureAsync(QueueDbContext db, string kind, DateOnly day, string departmentName, string doctorName,
        string location, CancellationToken ct)
    {
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
             INSERT INTO clinic_queues (id, kind, day, department_name, doctor_name, location, last_number)
             VALUES ({Guid.CreateVersion7()}, {kind}, {day}, {departmentName}, {doctorName}, {location}, 0) ON CONFLICT DO NOTHING
             """, ct);
        return await db.Queues.Where(q => q.Day == day && q.DepartmentName == departmentName && q.DoctorName == doctorName
                                          && q.Location == location).Select(q => q.Id).SingleAsync(ct);
    }
}
