namespace Pharmacy.API.Domain;

/// <summary>Dose reminders the patient set for one prescription (R32): at each of <see cref="Times"/> (hospital time,
/// HH:mm) until <see cref="EndsAt"/>. <see cref="NextDueAt"/> is the next dose to remind.</summary>
public sealed class DoseReminder
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PatientId { get; set; }
    public Guid PrescriptionId { get; set; }
    public List<string> Times { get; set; } = [];
    public bool Enabled { get; set; }
    public DateTimeOffset? NextDueAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
