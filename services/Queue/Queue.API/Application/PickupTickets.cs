using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Contracts.Queue;
using Platform.Messaging.Outbox;
using Queue.API.Domain;
using Queue.API.Infrastructure;

namespace Queue.API.Application;

/// <summary>取药号: when a prescription is dispensed or ready, the patient gets a number in the pharmacy window's queue (no
/// check-in: the medicine is waiting for them) and, with the number, how to take each drug (R19). One number per
/// prescription, however often the HIS or Pharmacy repeats the news.</summary>
public sealed class PickupTickets(QueueDbContext db, QueueLines lines, QueueNews news, IIntegrationEventOutbox outbox,
    IOptions<QueueOptions> options, TimeProvider clock)
{
    public const string Department = "药房";

    public async Task IssueAsync(Guid patientId, string prescriptionKey, string? window, DateTimeOffset readyAt,
        IReadOnlyList<MedicationGuidanceLine> guidance, CancellationToken ct)
    {
        var key = KeyOf(prescriptionKey);
        if (await db.Tickets.AnyAsync(t => t.AppointmentId == key, ct)) return;
        var place = string.IsNullOrWhiteSpace(window) ? options.Value.PharmacyWindow : window.Trim();
        var now = clock.GetUtcNow();
        var queueId = await QueueOpening.EnsureAsync(db, QueueKind.Pharmacy, ClinicDay.Of(now), Department, place, place, ct);
        var queue = await lines.LockAsync(queueId, ct);
        if (await db.Tickets.AnyAsync(t => t.AppointmentId == key, ct)) return;
        var ticket = new QueueTicket
        {
            Id = Guid.CreateVersion7(), QueueId = queue.Id, AppointmentId = key, PatientId = patientId, Number = queue.TakeNumber(),
            AppointmentStartsAt = readyAt, CheckedInAt = now, OrderAt = readyAt, OrderTie = now,
        };
        db.Tickets.Add(ticket);
        await db.SaveChangesAsync(ct);
        var calling = queue.CallingTicketId is { } c ? await db.Tickets.FindAsync([c], ct) : null;
        news.Changed(queue, "pickup-ready", await lines.WaitingAsync(queue.Id, ct), calling);
        if (guidance.Count > 0)
            outbox.Add(new MedicationGuidanceIntegrationEvent(ticket.Id, patientId, ticket.Number, place, guidance));
    }

    /// <summary>The ticket's key: a stable id from the prescription's, so a repeated report finds the same ticket.</summary>
    public static Guid KeyOf(string prescriptionKey) =>
        new(MD5.HashData(Encoding.UTF8.GetBytes("pickup:" + prescriptionKey)));
}
