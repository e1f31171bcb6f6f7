namespace Reports.API.Domain;

/// <summary>A paid online consultation is a care relationship the HIS does not know yet: the consultation's doctor may read
/// the patient's records beside the chat until the consultation ends, and for a day after to write the note.</summary>
public sealed class ConsultationCare
{
    public static readonly TimeSpan AfterEnd = TimeSpan.FromDays(1);

    public required Guid ConsultationId { get; init; }
    public required Guid PatientId { get; init; }
    public required string PractitionerHisId { get; init; }
    public required DateTimeOffset CareUntil { get; set; }
}
