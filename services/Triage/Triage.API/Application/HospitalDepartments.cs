using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Triage.API.Domain;
using Triage.API.Infrastructure;

namespace Triage.API.Application;

/// <summary>The Hospital service's public department list (GET /api/hospital/departments).</summary>
public sealed class HospitalDepartmentsClient(HttpClient http)
{
    public sealed record DepartmentDto(Guid Id, string Code, string Name, string Campus, string? Building, string? Floor, string? Phone);

    public async Task<List<DepartmentDto>> ListAsync(CancellationToken ct) =>
        await http.GetFromJsonAsync<List<DepartmentDto>>("api/hospital/departments", ct) ?? [];
}

/// <summary>Copies the hospital's departments into Triage's database: the list answers only active departments, so
/// one missing from it is marked inactive (never deleted: old answers may still name it).</summary>
public sealed class DepartmentSync(HospitalDepartmentsClient hospital, TriageDbContext db, KnowledgeCache cache, TimeProvider clock)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var listed = await hospital.ListAsync(ct);
        var now = clock.GetUtcNow();
        var known = await db.Departments.ToDictionaryAsync(d => d.Id, ct);
        foreach (var d in listed)
        {
            if (!known.TryGetValue(d.Id, out var row)) db.Departments.Add(row = new HospitalDepartment { Id = d.Id });
            row.Code = d.Code;
            row.Name = d.Name;
            row.Campus = d.Campus;
            row.Building = d.Building ?? "";
            row.Floor = d.Floor ?? "";
            row.Phone = d.Phone ?? "";
            row.IsActive = true;
            row.UpdatedAt = now;
        }
        var listedIds = listed.Select(d => d.Id).ToHashSet();
        foreach (var gone in known.Values.Where(k => k.IsActive && !listedIds.Contains(k.Id)))
        {
            gone.IsActive = false;
            gone.UpdatedAt = now;
        }
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        return listed.Count;
    }
}
