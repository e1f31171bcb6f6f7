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
}
