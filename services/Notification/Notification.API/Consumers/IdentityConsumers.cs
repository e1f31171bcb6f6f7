using MassTransit;
using Microsoft.EntityFrameworkCore;
using Notification.API.Application.Channels;
using Notification.API.Domain;
using Notification.API.Infrastructure;
using Platform.Contracts.Identity;
using Platform.Messaging.Inbox;
using Platform.Security.Encryption;
using Platform.ServiceDefaults.Patients;

namespace Notification.API.Consumers;

/// <summary>Keeps the patient → account table: whom to tell about a patient, and the phone for urgent SMS. The event
/// carries ids only; the name and phone are read from Identity first, outside any transaction, and the phone is kept
/// encrypted. The upsert is idempotent by itself, so a redelivered event only reads Identity again.</summary>
public sealed class PatientRegisteredConsumer(NotificationDbContext db, PatientDirectory directory, IFieldEncryptor encryptor)
    : IConsumer<PatientRegisteredIntegrationEvent>
{
    public Task Consume(ConsumeContext<PatientRegisteredIntegrationEvent> context) =>
        PatientLinks.RefreshAsync(db, directory, encryptor, context.Message.PatientId, context.Message.AccountId,
            context.Message.OccurredAt, context.CancellationToken);
}

public sealed class PatientUpdatedConsumer(NotificationDbContext db, PatientDirectory directory, IFieldEncryptor encryptor)
    : IConsumer<PatientUpdatedIntegrationEvent>
{
    public Task Consume(ConsumeContext<PatientUpdatedIntegrationEvent> context) =>
        PatientLinks.RefreshAsync(db, directory, encryptor, context.Message.PatientId, context.Message.AccountId,
            context.Message.OccurredAt, context.CancellationToken);
}

public sealed class PatientRemovedConsumer(NotificationDbContext db)
    : IdempotentConsumer<PatientRemovedIntegrationEvent, NotificationDbContext>(db)
{
    protected override Task HandleAsync(PatientRemovedIntegrationEvent e, ConsumeContext<PatientRemovedIntegrationEvent> context) =>
        Db.PatientAccounts.Where(p => p.PatientId == e.PatientId && p.AccountId == e.AccountId).ExecuteDeleteAsync(context.CancellationToken);
}

/// <summary>A closed account's messages, preferences and bindings go with it.</summary>
public sealed class AccountClosedConsumer(NotificationDbContext db)
    : IdempotentConsumer<AccountClosedIntegrationEvent, NotificationDbContext>(db)
{
    protected override async Task HandleAsync(AccountClosedIntegrationEvent e, ConsumeContext<AccountClosedIntegrationEvent> context)
    {
        var ct = context.CancellationToken;
        await Db.PatientAccounts.Where(p => p.AccountId == e.AccountId).ExecuteDeleteAsync(ct);
        await Db.Messages.Where(m => m.AccountId == e.AccountId).ExecuteDeleteAsync(ct);
        await Db.Preferences.Where(p => p.AccountId == e.AccountId).ExecuteDeleteAsync(ct);
        await Db.WeChatBindings.Where(b => b.AccountId == e.AccountId).ExecuteDeleteAsync(ct);
    }
}

internal static class PatientLinks
{
    public static async Task RefreshAsync(NotificationDbContext db, PatientDirectory directory, IFieldEncryptor encryptor,
        Guid patientId, Guid accountId, DateTimeOffset at, CancellationToken ct)
    {
        // A patient removed since the event has nothing to keep (PatientRemoved deletes the link).
        if (await directory.FindAsync(patientId, ct) is not { } details || details.AccountId != accountId) return;
        var link = await db.PatientAccounts.FirstOrDefaultAsync(p => p.PatientId == patientId && p.AccountId == accountId, ct);
        if (link is null)
        {
            link = new PatientAccount { PatientId = patientId, AccountId = accountId, UpdatedAt = DateTimeOffset.MinValue };
            db.PatientAccounts.Add(link);
        }
        // Events may arrive out of order; an older change never overwrites a newer one.
        if (at < link.UpdatedAt) return;
        link.PatientName = details.Name;
        link.PhoneEncrypted = string.IsNullOrWhiteSpace(details.Phone) ? null : encryptor.Encrypt(details.Phone.Trim(), SmsChannel.PhoneContext);
        link.UpdatedAt = at;
        await db.SaveChangesAsync(ct);
    }
}
