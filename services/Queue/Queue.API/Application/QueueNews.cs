using Platform.Contracts.Queue;
using Platform.Messaging.Outbox;
using Queue.API.Domain;

namespace Queue.API.Application;

/// <summary>The events each change of a queue sends, written to the outbox with the change itself.</summary>
public sealed class QueueNews(IIntegrationEventOutbox outbox)
{
    /// <summary>Number of people ahead at which the patient is told to come to the clinic (third in line).</summary>
    public const int NearAhead = 2;

    public void Changed(ClinicQueue queue, string change, IReadOnlyList<QueueTicket> waiting, QueueTicket? calling, IEnumerable<Guid>? alsoTell = null)
    {
        var patients = waiting.Select(t => t.PatientId).Concat(calling is null ? [] : [calling.PatientId]).Concat(alsoTell ?? []).Distinct().ToList();
        outbox.Add(new QueueChangedIntegrationEvent(queue.Id, change, queue.CallingNumber, waiting.Count, patients, queue.PractitionerHisId));
        for (var i = 0; i < Math.Min(waiting.Count, NearAhead + 1); i++)
        {
            var ticket = waiting[i];
            if (ticket.NearNoticeSent) continue;
            ticket.NearNoticeSent = true;
            outbox.Add(new QueueTurnNearIntegrationEvent(ticket.Id, ticket.PatientId, ticket.Number, queue.DepartmentName,
                queue.DoctorName, queue.Location, i, queue.Kind));
        }
    }

    public void Called(ClinicQueue queue, QueueTicket ticket, bool recall) =>
        outbox.Add(new QueueCalledIntegrationEvent(ticket.Id, ticket.PatientId, ticket.Number, queue.DepartmentName, queue.DoctorName,
            queue.Location, recall, queue.Kind));
}
