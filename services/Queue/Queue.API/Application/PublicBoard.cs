using Microsoft.EntityFrameworkCore;
using Queue.API.Domain;
using Queue.API.Infrastructure;

namespace Queue.API.Application;

public sealed record PublicClinicDto(string DepartmentName, string DoctorName, string Location, int WaitingCount, int? CallingNumber,
    IReadOnlyList<int> NextNumbers);

public sealed record PublicDepartmentDto(string Name, int? RemainingToday, IReadOnlyList<PublicClinicDto> Clinics);

/// <summary>An exam room, blood-draw window or pharmacy window today: how many are booked (exams), checked in and waiting, the
/// number being called and the last numbers called (取药: whose medicine is at the window). Numbers only.</summary>
public sealed record PublicRoomDto(string Name, string Location, int BookedToday, int CheckedInToday, int WaitingCount, int? CallingNumber,
    IReadOnlyList<int> NextNumbers, IReadOnlyList<int> RecentlyCalled);

public sealed record PublicOverviewDto(DateTimeOffset UpdatedAt, bool SlotsKnown, IReadOnlyList<PublicDepartmentDto> Departments,
    IReadOnlyList<PublicRoomDto> Exams, IReadOnlyList<PublicRoomDto> BloodDraw, IReadOnlyList<PublicRoomDto> Pharmacy);

public sealed record DisplayBoardDto(string Area, DateTimeOffset UpdatedAt, IReadOnlyList<PublicClinicDto> Clinics);

/// <summary>候诊信息 (R22) and the waiting-area display: clinics, exam rooms, the blood-draw station and pharmacy windows,
/// numbers and counts only. This service keeps no patient names, so
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
        return new PublicOverviewDto(clock.GetUtcNow(), slots is not null, departments, await RoomsAsync(QueueKind.Exam, ct),
            await RoomsAsync(QueueKind.BloodDraw, ct), await RoomsAsync(QueueKind.Pharmacy, ct));
    }

    public async Task<DisplayBoardDto> BoardAsync(string area, CancellationToken ct) =>
        new(area, clock.GetUtcNow(), await ClinicsAsync(area, ct));

    private async Task<List<PublicClinicDto>> ClinicsAsync(string? area, CancellationToken ct)
    {
        var day = ClinicDay.Of(clock.GetUtcNow());
        var queues = db.Queues.AsNoTracking().Where(q => q.Day == day && (area != null || q.Kind == QueueKind.Clinic));
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

    private const int RecentShown = 5;

    private async Task<List<PublicRoomDto>> RoomsAsync(string kind, CancellationToken ct)
    {
        var day = ClinicDay.Of(clock.GetUtcNow());
        var rooms = await db.Queues.AsNoTracking().Where(q => q.Day == day && q.Kind == kind).OrderBy(q => q.Location).ThenBy(q => q.DoctorName)
            .Take(200).ToListAsync(ct);
        var ids = rooms.Select(q => q.Id).ToList();
        var tickets = await db.Tickets.AsNoTracking().Where(t => ids.Contains(t.QueueId) && t.Status != TicketStatus.Withdrawn)
            .Select(t => new { t.QueueId, t.Number, t.Status, t.OrderAt, t.OrderTie, t.CalledAt }).ToListAsync(ct);
        var booked = await db.Appointments.AsNoTracking().Where(a => ids.Contains(a.QueueId) && !a.Cancelled)
            .GroupBy(a => a.QueueId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return rooms.Select(q =>
        {
            var mine = tickets.Where(t => t.QueueId == q.Id).ToList();
            var waiting = mine.Where(t => t.Status == TicketStatus.Waiting).OrderBy(t => t.OrderAt).ThenBy(t => t.OrderTie).Select(t => t.Number).ToList();
            var recent = mine.Where(t => t.CalledAt != null).OrderByDescending(t => t.CalledAt).Select(t => t.Number).Take(RecentShown).ToList();
            return new PublicRoomDto(q.DoctorName, q.Location, booked.GetValueOrDefault(q.Id), mine.Count, waiting.Count, q.CallingNumber,
                waiting.Take(NextShown).ToList(), recent);
        }).ToList();
    }
}
