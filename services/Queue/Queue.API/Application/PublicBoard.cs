using Microsoft.EntityFrameworkCore;
using Queue.API.Domain;
using Queue.API.Infrastructure;

namespace Queue.API.Application;

public sealed record PublicClinicDto(string DepartmentName, string DoctorName, string Location, int WaitingCount, int? CallingNumber,
    IReadOnlyList<int> NextNumbers);

public sealed record PublicDepartmentDto(string Name, int? RemainingToday, IReadOnlyList<PublicClinicDto> Clinics);

public sealed record PublicOverviewDto(DateTimeOffset UpdatedAt, bool SlotsKnown, IReadOnlyList<PublicDepartmentDto> Departments);

public sealed record DisplayBoardDto(string Area, DateTimeOffset UpdatedAt, IReadOnlyList<PublicClinicDto> Clinics);

/// <summary>候诊信息 (R22) and the waiting-area display: numbers and counts only. This service keeps no patient names, so
/// nothing here can identify a patient.</summary>
public sealed class PublicBoard(QueueDbContext db, SchedulingCatalogue catalogue, TimeProvider clock)
{
    private const int NextShown = 3;

    public async Task<PublicOverviewDto> OverviewAsync(CancellationToken ct)
    {
        var clinics = await ClinicsAsync(null, ct);
        var slots = await catalogue.RemainingTodayAsync(ct);
        var remaining = slots?.GroupBy(s => s.Name).ToDictionary(g => g.Key, g => g.Sum(s => s.Remaining));
        var names = clinics.Select(c => c.DepartmentName).Concat(remaining?.Keys ?? Enumerable.Empty<string>()).Distinct().Order();
        var departments = names.Select(name => new PublicDepartmentDto(name,
            remaining is not null && remaining.TryGetValue(name, out var n) ? n : null,
            clinics.Where(c => c.DepartmentName == name).ToList())).ToList();
        return new PublicOverviewDto(clock.GetUtcNow(), slots is not null, departments);
    }

    public async Task<DisplayBoardDto> BoardAsync(string area, CancellationToken ct) =>
        new(area, clock.GetUtcNow(), await ClinicsAsync(area, ct));

    private async Task<List<PublicClinicDto>> ClinicsAsync(string? area, CancellationToken ct)
    {
        var day = ClinicDay.Of(clock.GetUtcNow());
        var queues = db.Queues.AsNoTracking().Where(q => q.Day == day);
        if (!string.IsNullOrWhiteSpace(area)) queues = queues.Where(q => q.Location.StartsWith(area.Trim()));
        var list = await queues.OrderBy(q => q.DepartmentName).ThenBy(q => q.Location).Take(200).ToListAsync(ct);
        var ids = list.Select(q => q.Id).ToList();
        var waiting = await db.Tickets.AsNoTracking().Where(t => ids.Contains(t.QueueId) && t.Status == TicketStatus.Waiting)
            .OrderBy(t => t.OrderAt).ThenBy(t => t.OrderTie).Select(t => new { t.QueueId, t.Number }).ToListAsync(ct);
        return list.Select(q =>
        {
            var line = waiting.Where(w => w.QueueId == q.Id).Select(w => w.Number).ToList();
            return new PublicClinicDto(q.DepartmentName, q.DoctorName, q.Location, line.Count, q.CallingNumber, line.Take(NextShown).ToList());
        }).ToList();
    }
}
