using Platform.Contracts.His;

namespace HisAdapter.API.Application.Sync;

/// <summary>HealthcareService + its Location + the campus Organization → the department the platform shows.</summary>
public static class DepartmentMapper
{
    public static HisDepartmentSyncedIntegrationEvent? Map(
        HealthcareService service, IReadOnlyDictionary<string, Location> locations, IReadOnlyDictionary<string, Organization> organizations)
    {
        var code = service.Type.SelectMany(t => t.Coding).FirstOrDefault(c => c.System == HisSystems.Department)?.Code;
        if (code is null || service.Id is null) return null;

        var location = service.Location.Select(r => r.IdFor("Location")).OfType<string>()
            .Select(id => locations.GetValueOrDefault(id)).FirstOrDefault(l => l is not null);
        var floor = location?.GetExtension(HisSystems.Floor)?.Value switch
        {
            Integer { Value: { } n } => $"{n}楼",
            FhirString text => text.Value ?? "",
            _ => "",
        };
        return new HisDepartmentSyncedIntegrationEvent(
            code,
            service.Name ?? code,
            Campus(service.ProvidedBy, organizations),
            location?.ExtensionValue<FhirString>(HisSystems.Building)?.Value ?? "",
            floor,
            service.Telecom.FirstOrDefault(t => t.System == ContactPoint.ContactPointSystem.Phone)?.Value ?? "",
            service.Comment ?? service.Specialty.FirstOrDefault()?.Text ?? "",
            service.Id,
            service.Active ?? true);
    }

    /// <summary>Campus organisations are named "&lt;hospital&gt;&lt;campus&gt;" (江城市第一人民医院本部院区).</summary>
    private static string Campus(ResourceReference? providedBy, IReadOnlyDictionary<string, Organization> organizations)
    {
        if (providedBy?.IdFor("Organization") is not { } id || !organizations.TryGetValue(id, out var campus)) return "";
        var name = campus.Name ?? "";
        var parent = campus.PartOf?.IdFor("Organization") is { } parentId && organizations.TryGetValue(parentId, out var hospital)
            ? hospital.Name ?? ""
            : "";
        return parent.Length > 0 && name.StartsWith(parent, StringComparison.Ordinal) ? name[parent.Length..] : name;
    }
}
