using Identity.API.Domain;
using Identity.API.Infrastructure;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.His;
using Platform.Messaging.Inbox;

namespace Identity.API.Consumers;

/// <summary>Keeps the practitioner directory staff pick from when linking a clinician account. A practitioner leaving
/// the HIS stays (inactive) so an existing link still shows whom it names.</summary>
public sealed class HisPractitionerSyncedConsumer(IdentityDbContext db, TimeProvider clock)
    : IdempotentConsumer<HisPractitionerSyncedIntegrationEvent, IdentityDbContext>(db)
{
    protected override async Task HandleAsync(HisPractitionerSyncedIntegrationEvent e, ConsumeContext<HisPractitionerSyncedIntegrationEvent> context)
    {
        var practitioner = await Db.Practitioners.FirstOrDefaultAsync(p => p.HisId == e.HisId, context.CancellationToken);
        if (practitioner is null)
        {
            practitioner = new Practitioner { HisId = e.HisId, Name = e.Name };
            Db.Practitioners.Add(practitioner);
        }
        practitioner.Name = e.Name;
        practitioner.Title = e.Title;
        practitioner.StaffNumber = e.StaffNumber;
        practitioner.DepartmentCodes = [.. e.DepartmentCodes];
        practitioner.Active = e.Active;
        practitioner.UpdatedAt = clock.GetUtcNow();
    }
}

public sealed class HisDepartmentSyncedConsumer(IdentityDbContext db)
    : IdempotentConsumer<HisDepartmentSyncedIntegrationEvent, IdentityDbContext>(db)
{
    protected override async Task HandleAsync(HisDepartmentSyncedIntegrationEvent e, ConsumeContext<HisDepartmentSyncedIntegrationEvent> context)
    {
        var department = await Db.PractitionerDepartments.FirstOrDefaultAsync(d => d.Code == e.Code, context.CancellationToken);
        if (department is null) Db.PractitionerDepartments.Add(new PractitionerDepartment { Code = e.Code, Name = e.Name });
        else department.Name = e.Name;
    }
}
