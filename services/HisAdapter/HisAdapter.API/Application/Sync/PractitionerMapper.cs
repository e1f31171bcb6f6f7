using Hl7.Fhir.Utility;
using Platform.Contracts.His;

namespace HisAdapter.API.Application.Sync;

/// <summary>Practitioner + their PractitionerRoles → the doctor the platform shows.</summary>
public static class PractitionerMapper
{
    public static HisPractitionerSyncedIntegrationEvent? Map(Practitioner practitioner, IReadOnlyList<PractitionerRole> roles)
    {
        if (practitioner.Id is null) return null;
        var name = practitioner.Name.FirstOrDefault(n => n.Use == HumanName.NameUse.Official) ?? practitioner.Name.FirstOrDefault();
        var title = practitioner.Qualification.Select(q => q.Code?.Text).FirstOrDefault(t => !string.IsNullOrEmpty(t))
                    ?? roles.SelectMany(r => r.Code).Select(c => c.Text).FirstOrDefault(t => !string.IsNullOrEmpty(t))
                    ?? "";
        var departments = roles
            .SelectMany(r => r.Specialty.SelectMany(s => s.Coding))
            .Where(c => c.System == HisSystems.Department && c.Code is not null)
            .Select(c => c.Code!).Distinct().Order(StringComparer.Ordinal).ToList();
        var expertise = roles.Select(r => r.ExtensionValue<FhirString>(HisSystems.Expertise)?.Value)
            .FirstOrDefault(e => !string.IsNullOrEmpty(e)) ?? "";
        var fee = roles.Select(r => r.ExtensionValue<Money>(HisSystems.RegistrationFee)).FirstOrDefault(m => m is not null);
        return new HisPractitionerSyncedIntegrationEvent(
            practitioner.Id,
            name?.Text ?? $"{name?.Family}{string.Concat(name?.Given ?? [])}",
            practitioner.Gender is { } gender ? gender.GetLiteral() : "unknown",
            title,
            departments,
            expertise,
            practitioner.ExtensionValue<FhirString>(HisSystems.Introduction)?.Value ?? "",
            fee?.ToFen() ?? 0,
            practitioner.Identifier.FirstOrDefault()?.Value ?? "",
            (practitioner.Active ?? true) && roles.Any(r => r.Active ?? true));
    }
}
