namespace Triage.API.Domain;

/// <summary>Triage's copy of a Hospital-service department (the Hospital service owns it; synced by API and events).</summary>
public sealed class HospitalDepartment
{
    public Guid Id { get; init; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string Campus { get; set; } = "";
    public string Building { get; set; } = "";
    public string Floor { get; set; } = "";
    public string Phone { get; set; } = "";
    public bool IsActive { get; set; } = true;
    public DateTimeOffset UpdatedAt { get; set; }
}
