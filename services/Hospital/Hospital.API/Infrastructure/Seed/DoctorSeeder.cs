using Hospital.API.Domain;
using Microsoft.EntityFrameworkCore;
using Platform.Persistence;

namespace Hospital.API.Infrastructure.Seed;

/// <summary>The HIS simulator's doctors where no HIS syncs them (tests): inserted when missing, never overwritten.</summary>
internal sealed class DoctorSeeder(TimeProvider clock) : ISeeder<HospitalDbContext>
{
    public async Task SeedAsync(HospitalDbContext db, CancellationToken ct)
    {
        var existing = await db.Doctors.Select(d => d.HisId).ToHashSetAsync(ct);
        foreach (var d in DemoDoctors.All.Where(d => !existing.Contains(d.HisId)))
        {
            var doctor = new Doctor { HisId = d.HisId, Name = d.Name, UpdatedAt = clock.GetUtcNow() };
            doctor.SyncFromHis(d.Name, d.Gender, d.Title, [d.DepartmentCode], d.Expertise, d.Introduction, d.FeeFen, true, clock.GetUtcNow());
            db.Doctors.Add(doctor);
        }
        await db.SaveChangesAsync(ct);
    }
}
