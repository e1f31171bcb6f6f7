namespace Scheduling.API.Application;

public sealed record CampusDto(string Name, int DepartmentCount);

public sealed record DepartmentDto(Guid Id, string Code, string Name, string Campus, string Location, int SlotMinutes);

public sealed record DoctorDto(Guid Id, string Name, string Title, long FeeFen, IReadOnlyList<Guid> DepartmentIds);

public sealed record ScheduleDto(string ReleaseTime, int ReleaseDaysAhead, IReadOnlyList<ScheduleDayDto> Days);

public sealed record ScheduleDayDto(DateOnly Date, bool Released, DateTimeOffset ReleasesAt, IReadOnlyList<SessionDto> Sessions);

public sealed record SessionDto(
    Guid Id, Guid DoctorId, string DoctorName, string DoctorTitle, string Period, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    long FeeFen, int Capacity, int Remaining, string Status);

public sealed record SlotDto(
    Guid Id, Guid SessionId, Guid DepartmentId, Guid DoctorId, string DoctorName, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    int Capacity, int Remaining, long FeeFen, string Status);

public sealed record StaffSessionDto(
    Guid Id, Guid DepartmentId, string DepartmentName, string DoctorName, string Period, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    int Capacity, int Remaining, int Booked, string Status, string? StopReason);

public sealed record StaffBookingDto(Guid Id, string PatientRef, string DoctorName, DateTimeOffset StartsAt, string Status, string StatusText);
