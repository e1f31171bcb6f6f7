namespace Hospital.API.Application.Doctors;

public sealed record DoctorDepartment(string Code, string Name, Guid? Id);

public sealed record ClinicTime(DateOnly Date, string Weekday, string Period, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    string DepartmentCode, int FreeSlots, int TotalSlots);

public sealed record DoctorSummary(
    string Id, string Name, string Gender, string Title, IReadOnlyList<DoctorDepartment> Departments, string Expertise,
    IReadOnlyList<string> Diseases, string PhotoUrl, long RegistrationFeeFen, ClinicTime? NextClinic);

public sealed record DoctorDetail(
    string Id, string Name, string Gender, string Title, IReadOnlyList<DoctorDepartment> Departments, string Expertise,
    IReadOnlyList<string> Diseases, string PhotoUrl, long RegistrationFeeFen, string IntroductionHtml,
    IReadOnlyList<ClinicTime> ClinicTimes);
