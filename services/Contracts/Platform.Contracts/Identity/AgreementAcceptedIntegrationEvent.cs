namespace Platform.Contracts.Identity;

/// <summary>An account accepted version <paramref name="Version"/> of an agreement (<paramref name="Kind"/>: booking,
/// privacy, …); services that must not act before it (Scheduling for the booking agreement, R10) remember it.</summary>
public record AgreementAcceptedIntegrationEvent(Guid AccountId, string Kind, string Version) : IntegrationEvent;
