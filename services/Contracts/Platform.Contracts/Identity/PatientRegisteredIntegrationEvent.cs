namespace Platform.Contracts.Identity;

/// <summary>A verified patient (就诊人) was added to an account. Carries the clear identifiers the HIS needs to match or
/// create its patient master record: consumers must never log them.</summary>
public record PatientRegisteredIntegrationEvent(
    Guid PatientId,
    Guid AccountId,
    string Name,
    string Gender,
    DateOnly BirthDate,
    string IdType,
    string IdNumber,
    string Phone) : IntegrationEvent;
