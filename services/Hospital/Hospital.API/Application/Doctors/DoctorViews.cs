namespace Hospital.API.Application.Doctors;

/// <summary><paramref name="SchedulingId"/> is the department's id in Scheduling (HisIds.Department), for booking links.</summary>
public sealed record DoctorDepartment(string Code, string Name, Guid? Id, Guid SchedulingId);

public sealed record ClinicTime(DateOnly Date, string Weekday, string Period, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    string DepartmentCode, int FreeSlots, int TotalSlots);

public sealed record DoctorSummary(
    string Id, string Name, string Gender, string Title, IReadOnlyList<DoctorDepartment> Departments, string Expertise,
    IReadOnlyList<string> Diseases, string PhotoUrl, long RegistrationFeeFen, ClinicTime? NextClinic);

/// <summary><paramref name="SchedulingId"/> is the doctor's id in Scheduling (HisIds.Doctor of the HIS id), for 预约挂号.</summary>
public sealed record DoctorDetail(
    string Id, string Name, string Gender, string Title, IReadOnlyList<DoctorDepartment> Departments, string Expertise,
    IReadOnlyList<string> Diseases, string PhotoUrl, long RegistrationFeeFen, string IntroductionHtml,
    IReadOnlyList<ClinicTime> ClinicTimes, Guid SchedulingId);
