using HisAdapter.API.Application.Commands;
using HisAdapter.API.Domain;
using HisAdapter.API.Infrastructure;
using MassTransit;
using Platform.Contracts.Consultation;
using Platform.Messaging.Inbox;

namespace HisAdapter.API.Consumers;

/// <summary>An online consultation ended: its note is queued for the HIS, one command per consultation, so a second
/// delivery under another message id adds nothing. Ordered after the patient's registration at the HIS.</summary>
public sealed class ConsultationNoteConsumer(HisAdapterDbContext db, HisCommandQueue queue)
    : IdempotentConsumer<ConsultationNoteForHisIntegrationEvent, HisAdapterDbContext>(db)
{
    protected override async Task HandleAsync(ConsultationNoteForHisIntegrationEvent m, ConsumeContext<ConsultationNoteForHisIntegrationEvent> context) =>
        await queue.EnqueueAsync(HisCommandKind.RecordConsultationNote, CommandKeys.ConsultationNote(m.ConsultationId), CommandOrder.Patient(m.PatientId),
            new RecordConsultationNoteCommand(m.ConsultationId, m.PatientId, m.PractitionerHisId, m.DoctorName, m.DepartmentCode, m.DepartmentName,
                m.Kind, m.Complaint, m.Summary, m.EndedBy, m.StartedAt, m.EndedAt), context.CancellationToken);
}
