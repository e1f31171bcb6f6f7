namespace Identity.API.Domain;

/// <summary>Our copy of an HIS Practitioner, as the HIS adapter announces it: just enough for staff to find the right one
/// when linking a clinician account (name, title, staff number, departments).</summary>
public sealed class Practitioner
{
    public required string HisId { get; init; }
    public required string Name { get; set; }
    public string Title { get; set; } = "";
    public string StaffNumber { get; set; } = "";
    public List<string> DepartmentCodes { get; set; } = [];
    public bool Active { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>An HIS department's name by code, so the clinician page can say which department a practitioner works in.</summary>
public sealed class PractitionerDepartment
{
    public required string Code { get; init; }
    public required string Name { get; set; }
}

/// <summary>Who linked (or unlinked) a clinician account to an HIS Practitioner, and when. Append-only.</summary>
public sealed class PractitionerLinkChange
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid AccountId { get; init; }
    public string? PreviousPractitionerHisId { get; init; }
    public string? PractitionerHisId { get; init; }
    /// <summary>The staff account that made the change; null for the demo seed.</summary>
    public Guid? ChangedBy { get; init; }
    public required string ChangedByName { get; init; }
    public required DateTimeOffset ChangedAt { get; init; }
    public string? SourceIp { get; init; }
}
