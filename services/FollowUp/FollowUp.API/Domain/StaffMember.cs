namespace FollowUp.API.Domain;

/// <summary>A staff account's place at the complaint desk: the management departments (routing groups) whose complaints
/// it sees and answers. The complaints office (投诉办) sees every department and keeps these assignments.</summary>
public sealed class StaffMember
{
    public Guid AccountId { get; init; }
    public required string Name { get; set; }
    public List<string> Departments { get; set; } = [];
    public bool ComplaintsOffice { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
