using Hospital.API.Domain;
using Hospital.API.Infrastructure;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.His;
using Platform.Messaging.Inbox;

namespace Hospital.API.Consumers;

/// <summary>Keeps the doctors patients browse in step with the HIS; what staff add (photo, introduction) lives in
/// the published doctor content and is never overwritten here.</summary>
public sealed class HisPractitionerSyncedConsumer(HospitalDbContext db, TimeProvider clock)
    : IdempotentConsumer<HisPractitionerSyncedIntegrationEvent, HospitalDbContext>(db)
{
    protected override async Task HandleAsync(HisPractitionerSyncedIntegrationEvent e, ConsumeContext<HisPractitionerSyncedIntegrationEvent> context)
    {
        var doctor = await Db.Doctors.FirstOrDefaultAsync(d => d.HisId == e.HisId, context.CancellationToken);
        if (doctor is null)
        {
            if (!e.Active) return;
            doctor = new Doctor { HisId = e.HisId, Name = e.Name, UpdatedAt = clock.GetUtcNow() };
            Db.Doctors.Add(doctor);
        }
        doctor.SyncFromHis(e.Name, e.Gender, e.Title, e.DepartmentCodes, e.Expertise, e.Introduction, e.RegistrationFeeFen, e.Active,
            clock.GetUtcNow());
    }
}
