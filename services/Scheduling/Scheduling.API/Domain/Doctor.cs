namespace Scheduling.API.Domain;

/// <summary>A doctor as the HIS syncs it; the id is <c>HisIds.Doctor(hisId)</c>. Fee in fen.</summary>
public sealed class Doctor
{
    public required Guid Id { get; init; }
    public required string HisId { get; init; }
    public required string Name { get; set; }
    public string Title { get; set; } = "";
    public long FeeFen { get; set; }
    public List<string> DepartmentCodes { get; set; } = [];
    public bool IsActive { get; set; } = true;
}
