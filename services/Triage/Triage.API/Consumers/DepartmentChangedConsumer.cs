using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Hospital;
using Platform.Messaging.Inbox;
using Triage.API.Application;
using Triage.API.Domain;
using Triage.API.Infrastructure;

namespace Triage.API.Consumers;

/// <summary>A department was added, renamed, moved or closed: update the copy at once, and re-read the list for the
/// location fields the event does not carry.</summary>
public sealed class DepartmentChangedConsumer(TriageDbContext db, KnowledgeCache cache, DepartmentSyncSignal sync, TimeProvider clock)
    : IdempotentConsumer<DepartmentChangedIntegrationEvent, TriageDbContext>(db)
{
    protected override async Task HandleAsync(DepartmentChangedIntegrationEvent e, ConsumeContext<DepartmentChangedIntegrationEvent> context)
    {
        var row = await Db.Departments.FirstOrDefaultAsync(d => d.Id == e.DepartmentId, context.CancellationToken);
        if (row is null) Db.Departments.Add(row = new HospitalDepartment { Id = e.DepartmentId });
        row.Code = e.Code;
        row.Name = e.Name;
        row.Campus = e.Campus;
        row.IsActive = e.Kind != DepartmentChangeKind.Removed;
        row.UpdatedAt = clock.GetUtcNow();
        cache.Invalidate();
        sync.Nudge();
    }
}
