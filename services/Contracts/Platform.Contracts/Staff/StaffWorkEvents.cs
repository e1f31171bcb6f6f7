namespace Platform.Contracts.Staff;

/// <summary>Something on a staff work list changed — a complaint routed or answered, a service order or home visit
/// moved on, a chronic reading out of range — so the open staff pages of <paramref name="Area"/> re-read their list from
/// the owning API, which filters it by who asks. Ids only, for every staff page: no personal data.</summary>
public record StaffWorkChangedIntegrationEvent(string Area, Guid ItemId) : IntegrationEvent;

/// <summary>The staff work areas whose pages listen for <see cref="StaffWorkChangedIntegrationEvent"/>.</summary>
public static class StaffAreas
{
    public const string Complaints = "complaints";
    public const string Convenience = "convenience";
}
