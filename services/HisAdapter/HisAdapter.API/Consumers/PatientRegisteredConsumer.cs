using HisAdapter.API.Application.Commands;
using HisAdapter.API.Domain;
using HisAdapter.API.Infrastructure;
using MassTransit;
using Platform.Contracts.Identity;
using Platform.Messaging.Inbox;

namespace HisAdapter.API.Consumers;

/// <summary>Queues the HIS Patient lookup-or-create; the command worker sends it when the HIS is reachable.</summary>
public sealed class PatientRegisteredConsumer(HisAdapterDbContext db, HisCommandQueue queue)
    : IdempotentConsumer<PatientRegisteredIntegrationEvent, HisAdapterDbContext>(db)
{
    protected override async Task HandleAsync(PatientRegisteredIntegrationEvent message, ConsumeContext<PatientRegisteredIntegrationEvent> context) =>
        await queue.EnqueueAsync(HisCommandKind.RegisterPatient, CommandKeys.Register(message.PatientId, message.Id), CommandOrder.Patient(message.PatientId),
            new RegisterPatientCommand(message.PatientId), context.CancellationToken);
}

/// <summary>A changed phone reaches the HIS Patient through the same lookup-or-create, which brings its contact up to date.</summary>
public sealed class PatientUpdatedConsumer(HisAdapterDbContext db, HisCommandQueue queue)
    : IdempotentConsumer<PatientUpdatedIntegrationEvent, HisAdapterDbContext>(db)
{
    protected override async Task HandleAsync(PatientUpdatedIntegrationEvent message, ConsumeContext<PatientUpdatedIntegrationEvent> context) =>
        await queue.EnqueueAsync(HisCommandKind.RegisterPatient, CommandKeys.Update(message.PatientId, message.Id), CommandOrder.Patient(message.PatientId),
            new RegisterPatientCommand(message.PatientId), context.CancellationToken);
}
