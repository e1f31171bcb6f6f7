using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Notification.API.Application.MiniProgram;
using Notification.API.Domain;
using Notification.API.Hubs;
using Notification.API.Infrastructure;
using Platform.Messaging.Outbox;

namespace Notification.API.Application;

/// <summary>Turns drafts into messages for every account acting for the patient, and decides each channel: in-app
/// pushes go out through the outbox with the same commit; WeChat and SMS become pending deliveries that the
/// <see cref="Channels.DeliveryWorker"/> sends, held until quiet hours end unless the message is critical.
/// Runs inside the idempotent consumer's transaction.</summary>
public sealed class MessageDispatcher(NotificationDbContext db, IIntegrationEventOutbox outbox, IOptions<NotificationOptions> options,
    MiniProgramGrants grants, TimeProvider clock)
{
    public async Task<IReadOnlyList<Message>> DispatchAsync(Guid sourceEventId, IEnumerable<MessageDraft> drafts, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var created = new List<Message>();
        foreach (var draft in drafts)
        {
            var links = await db.PatientAccounts.AsNoTracking().Where(p => p.PatientId == draft.PatientId).ToListAsync(ct);
            foreach (var link in links)
            {
                var message = new Message
                {
                    AccountId = link.AccountId,
                    PatientId = draft.PatientId,
                    SourceEventId = sourceEventId,
                    Category = draft.Category,
                    Title = draft.Title,
                    Body = draft.Body,
                    Link = draft.Link,
                    Severity = draft.Severity,
                    CreatedAt = now,
                };
                db.Messages.Add(message);
                created.Add(message);
                await PlanChannelsAsync(message, draft, link, now, ct);
            }
        }
        foreach (var account in created.Select(m => m.AccountId).Distinct())
        {
            var unread = await db.Messages.CountAsync(m => m.AccountId == account && m.ReadAt == null, ct)
                + created.Count(m => m.AccountId == account);
            outbox.Add(new PushRequested(Guid.CreateVersion7(), NotificationsHub.UserGroup(account.ToString()),
                HubMethods.UnreadCount, HubMethods.UnreadPayload(unread)));
        }
        return created;
    }

    private async Task PlanChannelsAsync(Message message, MessageDraft draft, PatientAccount link, DateTimeOffset now, CancellationToken ct)
    {
        var preferences = await db.Preferences.AsNoTracking().FirstOrDefaultAsync(p => p.AccountId == link.AccountId, ct)
            ?? NotificationPreferences.DefaultsFor(link.AccountId, now);
        // Critical values reach the patient on every channel, whatever the preferences and the hour.
        bool Wants(string channel) => draft.IsCritical || preferences.Allows(channel);
        var notBefore = draft.IsCritical ? now : preferences.ReleaseTime(now);

        if (Wants(DeliveryChannel.InApp))
        {
            var inApp = Delivery.Create(message.Id, DeliveryChannel.InApp, now, now);
            outbox.Add(new PushRequested(Guid.CreateVersion7(), NotificationsHub.UserGroup(message.AccountId.ToString()),
                HubMethods.Message, HubMethods.MessagePayload(message)));
            inApp.MarkSent(now);
            db.Deliveries.Add(inApp);
        }

        // One WeChat message at most: the mini-program's when the account holds a grant for it (spent here), else the
        // service account's template message.
        var onMiniProgram = Wants(DeliveryChannel.WeChat) && await grants.TryReserveAsync(message.AccountId, message.Category, ct) is not null;
        if (onMiniProgram) db.Deliveries.Add(Delivery.Create(message.Id, DeliveryChannel.MiniProgram, now, notBefore));
        var onWeChat = onMiniProgram || (Wants(DeliveryChannel.WeChat) && options.Value.WeChatTemplates.ContainsKey(message.Category)
            && await CanReachOnWeChatAsync(message.AccountId, ct));
        if (onWeChat && !onMiniProgram) db.Deliveries.Add(Delivery.Create(message.Id, DeliveryChannel.WeChat, now, notBefore));

        var bySms = draft.MustNotBeMissed || (draft.SmsUnlessOnWeChat && !onWeChat);
        if (bySms && link.PhoneEncrypted is not null && Wants(DeliveryChannel.Sms))
            db.Deliveries.Add(Delivery.Create(message.Id, DeliveryChannel.Sms, now, notBefore));
    }

    /// <summary>Template messages need a known openid that has not unfollowed the service account.</summary>
    private async Task<bool> CanReachOnWeChatAsync(Guid accountId, CancellationToken ct)
    {
        var binding = await db.WeChatBindings.AsNoTracking().FirstOrDefaultAsync(b => b.AccountId == accountId, ct);
        if (binding is null) return false;
        var follower = await db.WeChatFollowers.AsNoTracking().FirstOrDefaultAsync(f => f.WeChatUserId == binding.WeChatUserId, ct);
        return follower?.Subscribed ?? true;
    }
}
