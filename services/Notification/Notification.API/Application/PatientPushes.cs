using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Notification.API.Hubs;
using Notification.API.Infrastructure;
using Platform.Messaging.Outbox;

namespace Notification.API.Application;

public static class PatientPushes
{
    /// <summary>A live-only push to the open pages of every account acting for the patient (no message-centre entry).</summary>
    public static async Task PushToPatientAccountsAsync(this NotificationDbContext db, IIntegrationEventOutbox outbox, Guid patientId,
        string method, JsonElement payload, CancellationToken ct)
    {
        var accounts = await db.PatientAccounts.AsNoTracking().Where(p => p.PatientId == patientId)
            .Select(p => p.AccountId).Distinct().ToListAsync(ct);
        foreach (var account in accounts)
            outbox.Add(new PushRequested(Guid.CreateVersion7(), NotificationsHub.UserGroup(account.ToString()), method, payload));
    }

    /// <summary>Groups per broker message: one queue's patients fit, a push to a whole ward is split.</summary>
    public const int GroupsPerPush = 500;

    /// <summary>The same live-only push to the open pages of every account acting for any of the patients, in as few broker
    /// messages as <see cref="GroupsPerPush"/> allows (one per account would be one message per waiting patient).</summary>
    public static async Task PushToPatientsAccountsAsync(this NotificationDbContext db, IIntegrationEventOutbox outbox,
        IReadOnlyCollection<Guid> patientIds, string method, JsonElement payload, CancellationToken ct)
    {
        if (patientIds.Count == 0) return;
        var accounts = await db.PatientAccounts.AsNoTracking().Where(p => patientIds.Contains(p.PatientId))
            .Select(p => p.AccountId).Distinct().OrderBy(a => a).ToListAsync(ct);
        foreach (var chunk in accounts.Select(a => NotificationsHub.UserGroup(a.ToString())).Chunk(GroupsPerPush))
            outbox.Add(new PushRequested(Guid.CreateVersion7(), chunk[0], method, payload, chunk[1..]));
    }
}
