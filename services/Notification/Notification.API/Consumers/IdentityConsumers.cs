using MassTransit;
using Microsoft.EntityFrameworkCore;
using Notification.API.Application.Channels;
using Notification.API.Domain;
using Notification.API.Infrastructure;
using Platform.Contracts.Identity;
using Platform.Messaging.Inbox;
using Platform.Security.Encryption;

namespace Notification.API.Consumers;

/// <summary>Keeps the patient → account table: whom to tell about a patient, and the phone for urgent SMS.</summary>
public sealed class PatientRegisteredConsumer(NotificationDbContext db, IFieldEncryptor encryptor)
    : IdempotentConsumer<PatientRegisteredIntegrationEvent, NotificationDbContext>(db)
{
    protected override Task HandleAsync(PatientRegisteredIntegrationEvent e, ConsumeContext<PatientRegisteredIntegrationEvent> context) =>
        PatientLinks.UpsertAsync(Db, encryptor, e.PatientId, e.AccountId, e.Name, e.Phone, e.OccurredAt, context.CancellationToken);
}

public sealed class PatientUpdatedConsumer(NotificationDbContext db, IFieldEncryptor encryptor)
    : IdempotentConsumer<PatientUpdatedIntegrationEvent, NotificationDbContext>(db)
{
    protected override Task HandleAsync(PatientUpdatedIntegrationEvent e, ConsumeContext<PatientUpdatedIntegrationEvent> context) =>
        PatientLinks.UpsertAsync(Db, encryptor, e.PatientId, e.AccountId, e.Name, e.Phone, e.OccurredAt, context.CancellationToken);
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
    public static async Task UpsertAsync(NotificationDbContext db, IFieldEncryptor encryptor, Guid patientId, Guid accountId,
        string name, string? phone, DateTimeOffset at, CancellationToken ct)
    {
        var link = await db.PatientAccounts.FirstOrDefaultAsync(p => p.PatientId == patientId && p.AccountId == accountId, ct);
        if (link is null)
        {
            link = new PatientAccount { PatientId = patientId, AccountId = accountId, UpdatedAt = DateTimeOffset.MinValue };
            db.PatientAccounts.Add(link);
        }
        // Events may arrive out of order; an older change never overwrites a newer one.
        if (at < link.UpdatedAt) return;
        link.PatientName = name;
        link.PhoneEncrypted = string.IsNullOrWhiteSpace(phone) ? null : encryptor.Encrypt(phone.Trim(), SmsChannel.PhoneContext);
        link.UpdatedAt = at;
    }
}
