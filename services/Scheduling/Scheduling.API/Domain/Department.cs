namespace Scheduling.API.Domain;

/// <summary>A department as the HIS syncs it; the id is <c>HisIds.Department(code)</c>, the same in every service.</summary>
public sealed class Department
{
    public required Guid Id { get; init; }
    public required string Code { get; init; }
    public required string Name { get; set; }
    public required string Campus { get; set; }
    public string Building { get; set; } = "";
    public string Floor { get; set; } = "";
    public int SlotMinutes { get; set; } = 15;
    public bool IsActive { get; set; } = true;

    public string Location => $"{Building}{Floor}";
}
