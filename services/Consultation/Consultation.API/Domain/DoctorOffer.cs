namespace Consultation.API.Domain;

/// <summary>A doctor as the HIS describes them, and whether they take online consultations and at what fee. The HIS
/// sync keeps the name and departments; only the doctor (or staff) changes the offer.</summary>
public sealed class DoctorOffer
{
    public required string PractitionerHisId { get; set; }
    public required string Name { get; set; }
    public string Title { get; set; } = "";
    public List<string> DepartmentCodes { get; set; } = [];
    public string Expertise { get; set; } = "";
    public bool Active { get; set; } = true;
    public bool OffersText { get; set; }
    public bool OffersFollowUp { get; set; }
    public long TextFeeFen { get; set; }
    public long FollowUpFeeFen { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class Department
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public bool Active { get; set; } = true;
}
