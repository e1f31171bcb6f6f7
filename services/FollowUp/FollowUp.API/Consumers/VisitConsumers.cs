using FollowUp.API.Application;
using FollowUp.API.Domain;
using FollowUp.API.Infrastructure;
using MassTransit;
using Platform.Contracts.Inpatient;
using Platform.Contracts.Queue;
using Platform.Contracts.Reports;
using Platform.Messaging.Inbox;

namespace FollowUp.API.Consumers;

/// <summary>The doctor called the patient in: a visit in that department happened (a recall is the same visit).</summary>
public sealed class QueueCalledConsumer(FollowUpDbContext db, Targeting targeting, FollowUpSignal signal, TimeProvider clock)
    : IdempotentConsumer<QueueCalledIntegrationEvent, FollowUpDbContext>(db)
{
    protected override async Task HandleAsync(QueueCalledIntegrationEvent e, ConsumeContext<QueueCalledIntegrationEvent> context)
    {
        if (e.Recall) return;
        await targeting.OnEventAsync(new Visit
        {
            SourceRef = $"queue:{e.TicketId}", PatientId = e.PatientId, Kind = Trigger.Visit, DepartmentName = e.DepartmentName,
            DoctorName = e.DoctorName, At = clock.GetUtcNow(),
        }, context.CancellationToken);
        signal.Nudge();
    }
}

public sealed class PatientDischargedConsumer(FollowUpDbContext db, Targeting targeting, FollowUpSignal signal)
    : IdempotentConsumer<PatientDischargedIntegrationEvent, FollowUpDbContext>(db)
{
    protected override async Task HandleAsync(PatientDischargedIntegrationEvent e, ConsumeContext<PatientDischargedIntegrationEvent> context)
    {
        await targeting.OnEventAsync(new Visit
        {
            SourceRef = $"discharge:{e.HisEncounterId}", PatientId = e.PatientId, Kind = Trigger.Discharge, At = e.DischargedAt,
        }, context.CancellationToken);
        signal.Nudge();
    }
}

/// <summary>An exam's report became final: the exam happened (the report's category stands for the department).</summary>
public sealed class ReportReadyConsumer(FollowUpDbContext db, Targeting targeting, FollowUpSignal signal)
    : IdempotentConsumer<ReportReadyIntegrationEvent, FollowUpDbContext>(db)
{
    protected override async Task HandleAsync(ReportReadyIntegrationEvent e, ConsumeContext<ReportReadyIntegrationEvent> context)
    {
        await targeting.OnEventAsync(new Visit
        {
            SourceRef = $"report:{e.ReportId}", PatientId = e.PatientId, Kind = Trigger.Exam, DepartmentName = e.Category,
            At = e.IssuedAt,
        }, context.CancellationToken);
        signal.Nudge();
    }
}
