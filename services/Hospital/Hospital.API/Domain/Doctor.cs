namespace Hospital.API.Domain;

/// <summary>A doctor as the HIS describes them (Practitioner + PractitionerRole), kept in step by the sync.</summary>
public sealed class Doctor
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string HisId { get; init; }
    public required string Name { get; set; }
    public string Gender { get; set; } = "";
    public string Title { get; set; } = "";
    public List<string> DepartmentCodes { get; set; } = [];
    public string Expertise { get; set; } = "";
    public string Introduction { get; set; } = "";
    public long RegistrationFeeFen { get; set; }
    public bool IsActive { get; set; } = true;
    public required DateTimeOffset UpdatedAt { get; set; }

    public void SyncFromHis(string name, string gender, string title, IReadOnlyList<string> departments, string expertise,
        string introduction, long feeFen, bool active, DateTimeOffset now)
    {
        Name = name;
        Gender = gender;
        Title = title;
        DepartmentCodes = [.. departments];
        Expertise = expertise;
        Introduction = introduction;
        RegistrationFeeFen = feeFen;
        IsActive = active;
        UpdatedAt = now;
    }
}
