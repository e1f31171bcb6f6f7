using Hospital.API.Domain;
using Hospital.API.Infrastructure;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.His;
using Platform.Contracts.Hospital;
using Platform.Messaging.Inbox;
using Platform.Messaging.Outbox;

namespace Hospital.API.Consumers;

/// <summary>Keeps departments in step with the HIS, announcing each change patients would see.</summary>
public sealed class HisDepartmentSyncedConsumer(HospitalDbContext db, IIntegrationEventOutbox outbox, TimeProvider clock)
    : IdempotentConsumer<HisDepartmentSyncedIntegrationEvent, HospitalDbContext>(db)
{
    protected override async Task HandleAsync(HisDepartmentSyncedIntegrationEvent e, ConsumeContext<HisDepartmentSyncedIntegrationEvent> context)
    {
        var department = await Db.Departments.FirstOrDefaultAsync(d => d.Code == e.Code, context.CancellationToken);
        DepartmentChangeKind kind;
        if (department is null)
        {
            if (!e.Active) return;
            var order = await Db.Departments.Select(d => (int?)d.SortOrder).MaxAsync(context.CancellationToken) ?? 0;
            department = new Department
            {
                Code = e.Code, Name = e.Name, Campus = e.Campus, Building = e.Building, Floor = e.Floor, Phone = e.Phone,
                Summary = e.Summary, SortOrder = order + 1, UpdatedAt = clock.GetUtcNow(),
            };
            Db.Departments.Add(department);
            kind = DepartmentChangeKind.Created;
        }
        else if (department.SyncFromHis(e.Name, e.Campus, e.Building, e.Floor, e.Phone, e.Summary, e.Active, clock.GetUtcNow()))
            kind = e.Active ? DepartmentChangeKind.Updated : DepartmentChangeKind.Removed;
        else return;

        outbox.Add(new DepartmentChangedIntegrationEvent(department.Id, department.Code, department.Name, department.Campus, kind));
    }
}
