using Hospital.API.Application.Content;
using Hospital.API.Application.Doctors;
using Hospital.API.Domain;

namespace Hospital.API.Application;

/// <summary>A department's page: where it is (HIS), what staff wrote about it (rendered, sanitised HTML) and its doctors.</summary>
public sealed record DepartmentDetailDto(
    Guid Id, string Code, string Name, string Campus, string Building, string Floor, string Phone, string Summary,
    int Version, DateTimeOffset UpdatedAt, bool IsFlagship, IReadOnlyList<string> FlagshipSpecialties, string OverviewHtml,
    string StaffStructureHtml, string ScopeHtml, string ClinicHours, string ContactPhone, string ContactEmail,
    IReadOnlyList<DoctorSummary> Doctors)
{
    public static DepartmentDetailDto From(Department d, DepartmentContent? c, IReadOnlyList<DoctorSummary> doctors) =>
        new(d.Id, d.Code, d.Name, d.Campus, d.Building, d.Floor, d.Phone, d.Summary, d.Version, d.UpdatedAt,
            c?.IsFlagship ?? false, c?.FlagshipSpecialties ?? [], c?.Overview ?? "", c?.StaffStructure ?? "", c?.Scope ?? "",
            c?.ClinicHours ?? "", c is { ContactPhone.Length: > 0 } ? c.ContactPhone : d.Phone, c?.ContactEmail ?? "", doctors);
}
