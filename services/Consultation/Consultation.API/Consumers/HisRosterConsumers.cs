using Consultation.API.Domain;
using Consultation.API.Extensions;
using Consultation.API.Infrastructure;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Contracts.His;
using Platform.Messaging.Inbox;

namespace Consultation.API.Consumers;

/// <summary>The doctor roster from the HIS: names, titles and departments follow the HIS; the online offer stays the doctor's.</summary>
public sealed class HisPractitionerSyncedConsumer(ConsultationDbContext db, IOptions<ConsultationOptions> options, TimeProvider clock)
    : IdempotentConsumer<HisPractitionerSyncedIntegrationEvent, ConsultationDbContext>(db)
{
    protected override async Task HandleAsync(HisPractitionerSyncedIntegrationEvent e, ConsumeContext<HisPractitionerSyncedIntegrationEvent> context)
    {
        var doctor = await Db.Doctors.SingleOrDefaultAsync(d => d.PractitionerHisId == e.HisId, context.CancellationToken);
        if (doctor is null)
        {
            var o = options.Value;
            doctor = new DoctorOffer
            {
                PractitionerHisId = e.HisId, Name = e.Name, OffersText = o.DefaultTextFeeFen > 0, TextFeeFen = o.DefaultTextFeeFen,
                OffersFollowUp = o.DefaultFollowUpFeeFen > 0, FollowUpFeeFen = o.DefaultFollowUpFeeFen,
            };
            Db.Doctors.Add(doctor);
        }
        doctor.Name = e.Name;
        doctor.Title = e.Title;
        doctor.DepartmentCodes = e.DepartmentCodes.ToList();
        doctor.Expertise = e.Expertise.Length > 500 ? e.Expertise[..500] : e.Expertise;
        doctor.Active = e.Active;
        doctor.UpdatedAt = clock.GetUtcNow();
    }
}

public sealed class HisDepartmentSyncedConsumer(ConsultationDbContext db)
    : IdempotentConsumer<HisDepartmentSyncedIntegrationEvent, ConsultationDbContext>(db)
{
    protected override async Task HandleAsync(HisDepartmentSyncedIntegrationEvent e, ConsumeContext<HisDepartmentSyncedIntegrationEvent> context)
    {
        var department = await Db.Departments.SingleOrDefaultAsync(d => d.Code == e.Code, context.CancellationToken);
        if (department is null) Db.Departments.Add(department = new Department { Code = e.Code, Name = e.Name });
        department.Name = e.Name;
        department.Active = e.Active;
    }
}
