using Hospital.API.Domain;
using Microsoft.EntityFrameworkCore;
using Platform.Persistence;

namespace Hospital.API.Infrastructure.Seed;

/// <summary>The demo hospital's departments: inserted when missing, never overwriting what staff edited.
/// Once the HIS adapter syncs reference data, the HIS becomes the source of these rows.</summary>
internal sealed class DepartmentSeeder(TimeProvider clock) : ISeeder<HospitalDbContext>
{
    public async Task SeedAsync(HospitalDbContext db, CancellationToken ct)
    {
        var existing = await db.Departments.Select(d => d.Code).ToHashSetAsync(ct);
        var order = 0;
        foreach (var d in DemoDepartments.All)
        {
            order++;
            if (existing.Contains(d.Code)) continue;
            db.Departments.Add(new Department
            {
                Code = d.Code, Name = d.Name, Campus = d.Campus, Building = d.Building, Floor = d.Floor,
                Phone = d.Phone, Summary = d.Summary, SortOrder = order, UpdatedAt = clock.GetUtcNow(),
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
