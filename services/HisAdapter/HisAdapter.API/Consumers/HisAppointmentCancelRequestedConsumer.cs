using HisAdapter.API.Application.Commands;
using HisAdapter.API.Domain;
using HisAdapter.API.Infrastructure;
using MassTransit;
using Platform.Contracts.His;
using Platform.Messaging.Inbox;

namespace HisAdapter.API.Consumers;

public sealed class HisAppointmentCancelRequestedConsumer(HisAdapterDbContext db, HisCommandQueue queue)
    : IdempotentConsumer<HisAppointmentCancelRequestedIntegrationEvent, HisAdapterDbContext>(db)
{
    protected override async Task HandleAsync(HisAppointmentCancelRequestedIntegrationEvent message,
        ConsumeContext<HisAppointmentCancelRequestedIntegrationEvent> context) =>
        await queue.EnqueueCancelAsync(message.AppointmentId, message.Reason, context.CancellationToken);
}
