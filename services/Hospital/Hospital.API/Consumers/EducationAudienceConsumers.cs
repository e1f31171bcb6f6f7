using Hospital.API.Domain.Education;
using Hospital.API.Infrastructure;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Identity;
using Platform.Contracts.Scheduling;
using Platform.Messaging.Inbox;

namespace Hospital.API.Consumers;

/// <summary>Links an account to the patients it acts for (recommendations by the departments they booked).</summary>
public sealed class PatientRegisteredConsumer(HospitalDbContext db)
    : IdempotentConsumer<PatientRegisteredIntegrationEvent, HospitalDbContext>(db)
{
    protected override async Task HandleAsync(PatientRegisteredIntegrationEvent e, ConsumeContext<PatientRegisteredIntegrationEvent> context)
    {
        if (!await Db.PatientAccountLinks.AnyAsync(l => l.PatientId == e.PatientId && l.AccountId == e.AccountId, context.CancellationToken))
            Db.PatientAccountLinks.Add(new PatientAccountLink { PatientId = e.PatientId, AccountId = e.AccountId });
    }
}

public sealed class PatientRemovedConsumer(HospitalDbContext db)
    : IdempotentConsumer<PatientRemovedIntegrationEvent, HospitalDbContext>(db)
{
    protected override async Task HandleAsync(PatientRemovedIntegrationEvent e, ConsumeContext<PatientRemovedIntegrationEvent> context)
    {
        await Db.PatientAccountLinks.Where(l => l.PatientId == e.PatientId && l.AccountId == e.AccountId).ExecuteDeleteAsync(context.CancellationToken);
        await Db.ForgetVisitsOfUnlinkedAsync([e.PatientId], context.CancellationToken);
    }
}

public sealed class AccountClosedConsumer(HospitalDbContext db)
    : IdempotentConsumer<AccountClosedIntegrationEvent, HospitalDbContext>(db)
{
    protected override async Task HandleAsync(AccountClosedIntegrationEvent e, ConsumeContext<AccountClosedIntegrationEvent> context)
    {
        var patients = await Db.PatientAccountLinks.Where(l => l.AccountId == e.AccountId).Select(l => l.PatientId)
            .ToListAsync(context.CancellationToken);
        await Db.PatientAccountLinks.Where(l => l.AccountId == e.AccountId).ExecuteDeleteAsync(context.CancellationToken);
        await Db.ForgetVisitsOfUnlinkedAsync(patients, context.CancellationToken);
    }
}

internal static class PatientVisitRetention
{
    /// <summary>Of <paramref name="patients"/>, one no account acts for any more leaves nothing behind here.</summary>
    public static Task<int> ForgetVisitsOfUnlinkedAsync(this HospitalDbContext db, List<Guid> patients, CancellationToken ct) =>
        db.PatientDepartmentVisits
            .Where(v => patients.Contains(v.PatientId) && !db.PatientAccountLinks.Any(l => l.PatientId == v.PatientId))
            .ExecuteDeleteAsync(ct);
}

/// <summary>Remembers which departments a patient booked, latest booking first.</summary>
public sealed class AppointmentBookedConsumer(HospitalDbContext db)
    : IdempotentConsumer<AppointmentBookedIntegrationEvent, HospitalDbContext>(db)
{
    protected override async Task HandleAsync(AppointmentBookedIntegrationEvent e, ConsumeContext<AppointmentBookedIntegrationEvent> context)
    {
        var name = e.DepartmentName.Trim();
        if (name.Length is 0 or > 50) return;
        var visit = await Db.PatientDepartmentVisits.FirstOrDefaultAsync(v => v.PatientId == e.PatientId && v.DepartmentName == name, context.CancellationToken);
        if (visit is null) Db.PatientDepartmentVisits.Add(new PatientDepartmentVisit { PatientId = e.PatientId, DepartmentName = name, LastBookedAt = e.StartsAt });
        else if (e.StartsAt > visit.LastBookedAt) visit.LastBookedAt = e.StartsAt;
    }
}
