using Hospital.API.Application.Content;
using Hospital.API.Domain;

namespace Hospital.API.Application;

public sealed record DepartmentDto(
    Guid Id, string Code, string Name, string Campus, string Building, string Floor, string Phone, string Summary,
    int Version, DateTimeOffset UpdatedAt, bool IsFlagship = false, IReadOnlyList<string>? FlagshipSpecialties = null)
{
    public static DepartmentDto From(Department d, DepartmentContent? content = null) =>
        new(d.Id, d.Code, d.Name, d.Campus, d.Building, d.Floor, d.Phone, d.Summary, d.Version, d.UpdatedAt,
            content?.IsFlagship ?? false, content?.FlagshipSpecialties ?? []);
}
