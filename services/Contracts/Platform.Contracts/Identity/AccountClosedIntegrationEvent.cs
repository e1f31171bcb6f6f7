namespace Platform.Contracts.Identity;

/// <summary>An account was closed at its owner's request; services drop what they hold for it beyond legal retention.</summary>
public record AccountClosedIntegrationEvent(Guid AccountId, IReadOnlyList<Guid> PatientIds) : IntegrationEvent;
