namespace Platform.Contracts.His;

/// <summary>A consumer of the HIS reference data (departments, doctors, slots) found its copy empty — it was deployed
/// after the adapter had published, or its queue did not exist yet — and asks the adapter to publish everything again
/// at its next sync, changed or not.</summary>
public record HisResyncRequestedIntegrationEvent(string Requester) : IntegrationEvent;
