namespace Platform.Fhir.Model;

/// <summary>The availableTime shape shared by PractitionerRole and HealthcareService.</summary>
public class AvailableTime : BackboneElement
{
    public List<string> DaysOfWeek { get; set; } = [];
    public bool? AllDay { get; set; }
    public string? AvailableStartTime { get; set; }
    public string? AvailableEndTime { get; set; }
}

public class NotAvailable : BackboneElement
{
    public string? Description { get; set; }
    public Period? During { get; set; }
}
