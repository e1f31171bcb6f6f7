using FollowUp.API.Domain;
using FollowUp.API.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FollowUp.API.Application;

public sealed class StaffSmsSignal : Platform.ServiceDefaults.Workers.WorkerSignal;

/// <summary>Tells a group of staff: an alert in the admin console, and an SMS to each of the group's contacts, written in
/// the caller's transaction and sent by <see cref="StaffSmsWorker"/> after commit.</summary>
public sealed class StaffAlerts(FollowUpDbContext db, TimeProvider clock)
{
    public async Task RaiseAsync(string group, string kind, string title, string body, Guid? complaintId, Guid? responseId, CancellationToken ct, Guid? patientId = null)
    {
        var now = clock.GetUtcNow();
        var contacts = await db.Contacts.AsNoTracking().Where(c => c.Group == group).ToListAsync(ct);
        var alert = new StaffAlert
        {
            Group = group, Kind = kind, Title = title, Body = body.Length > 500 ? body[..500] : body,
            ComplaintId = complaintId, ResponseId = responseId, PatientId = patientId, CreatedAt = now,
        };
        alert.Sms.AddRange(contacts.Select(c => new StaffSms { AlertId = alert.Id, ContactId = c.Id, PhoneEncrypted = c.PhoneEncrypted, NextAttemptAt = now }));
        db.Alerts.Add(alert);
    }
}
