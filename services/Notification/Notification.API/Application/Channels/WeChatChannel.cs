using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Notification.API.Domain;
using Notification.API.Infrastructure;
using Platform.Contracts.WeChat;
using Platform.Messaging.Outbox;

namespace Notification.API.Application.Channels;

/// <summary>Asks the WeChat gateway for a template message, keyed by the delivery id: the gateway sends each id at
/// most once and answers with Delivered or Failed under it, so asking again after a lost answer is safe.</summary>
public sealed class WeChatChannel(NotificationDbContext db, IIntegrationEventOutbox outbox, IOptions<NotificationOptions> options, TimeProvider clock)
{
    public async Task RequestAsync(Delivery delivery, Message message, DeliveryOptions settings, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var binding = await db.WeChatBindings.AsNoTracking().FirstOrDefaultAsync(b => b.AccountId == message.AccountId, ct);
        if (binding is null || !options.Value.WeChatTemplates.TryGetValue(message.Category, out var templateId))
        {
            delivery.Fail("no WeChat binding or template for this message", now, settings.MaxAttempts, settings.MaxBackoff, permanent: true);
            return;
        }
        var url = message.Link is null ? null : options.Value.PatientAppBaseUrl.TrimEnd('/') + message.Link;
        outbox.Add(new WeChatTemplateMessageRequestedIntegrationEvent(delivery.Id, binding.WeChatUserId, templateId, url,
            FieldsFor(message), delivery.Id.ToString("N")));
        delivery.MarkRequested(now + settings.WeChatOutcomeTimeout);
    }

    /// <summary>thing fields hold at most 20 characters in WeChat's template rules.</summary>
    public static Dictionary<string, string> FieldsFor(Message message) => new()
    {
        ["thing1"] = Clip(message.Title),
        ["thing2"] = Clip(message.Body),
        ["time3"] = MessageTexts.When(message.CreatedAt),
    };

    private static string Clip(string s) => s.Length <= 20 ? s : s[..19] + "…";
}
