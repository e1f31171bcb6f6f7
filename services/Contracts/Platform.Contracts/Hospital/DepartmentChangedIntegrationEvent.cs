namespace Platform.Contracts.Hospital;

public record DepartmentChangedIntegrationEvent(
    Guid DepartmentId,
    string Code,
    string Name,
    string Campus,
    DepartmentChangeKind Kind) : IntegrationEvent;

public enum DepartmentChangeKind
{
    Created,
    Updated,
    Removed,
}
