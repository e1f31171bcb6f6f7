using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Contracts.His;
using Platform.Messaging.Inbox;
using Scheduling.API.Application;
using Scheduling.API.Domain;
using Scheduling.API.Infrastructure;

namespace Scheduling.API.Consumers;

public sealed class HisDepartmentSyncedConsumer(SchedulingDbContext db, IOptions<SchedulingOptions> options)
    : IdempotentConsumer<HisDepartmentSyncedIntegrationEvent, SchedulingDbContext>(db)
{
    protected override async Task HandleAsync(HisDepartmentSyncedIntegrationEvent e, ConsumeContext<HisDepartmentSyncedIntegrationEvent> context)
    {
        var department = await Db.Departments.FirstOrDefaultAsync(d => d.Code == e.Code, context.CancellationToken);
        if (department is null)
        {
            if (!e.Active) return;
            department = new Department { Id = HisIds.Department(e.Code), Code = e.Code, Name = e.Name, Campus = e.Campus };
            Db.Departments.Add(department);
        }
        department.Name = e.Name;
        department.Campus = e.Campus;
        department.Building = e.Building;
        department.Floor = e.Floor;
        department.IsActive = e.Active;
        department.SlotMinutes = options.Value.SlotMinutesFor(e.Code);
    }
}

public sealed class HisPractitionerSyncedConsumer(SchedulingDbContext db)
    : IdempotentConsumer<HisPractitionerSyncedIntegrationEvent, SchedulingDbContext>(db)
{
    protected override async Task HandleAsync(HisPractitionerSyncedIntegrationEvent e, ConsumeContext<HisPractitionerSyncedIntegrationEvent> context)
    {
        var doctor = await Db.Doctors.FirstOrDefaultAsync(d => d.HisId == e.HisId, context.CancellationToken);
        if (doctor is null)
        {
            if (!e.Active) return;
            doctor = new Doctor { Id = HisIds.Doctor(e.HisId), HisId = e.HisId, Name = e.Name };
            Db.Doctors.Add(doctor);
        }
        doctor.Name = e.Name;
        doctor.Title = e.Title;
        doctor.FeeFen = e.RegistrationFeeFen;
        doctor.DepartmentCodes = e.DepartmentCodes.ToList();
        doctor.IsActive = e.Active;
    }
}
