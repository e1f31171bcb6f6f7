using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Notification.API.Application.MiniProgram;
using Notification.API.Domain;
using Notification.API.Infrastructure;
using Platform.Contracts.WeChat;
using Platform.Messaging.Outbox;

namespace Notification.API.Application.Channels;

/// <summary>Asks the WeChat gateway for a mini-program subscribe message, keyed by the delivery id like the template
/// channel. The grant was spent when the delivery was planned (<see cref="MiniProgramGrants.TryReserveAsync"/>).</summary>
public sealed class MiniProgramChannel(NotificationDbContext db, IIntegrationEventOutbox outbox, IOptions<MiniProgramOptions> options,
    TimeProvider clock)
{
    public async Task RequestAsync(Delivery delivery, Message message, DeliveryOptions settings, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var binding = await db.MiniProgramBindings.AsNoTracking().FirstOrDefaultAsync(b => b.AccountId == message.AccountId, ct);
        if (binding is null || options.Value.ForCategory(message.Category) is not { } template)
        {
            delivery.Fail("no mini-program binding or template for this message", now, settings.MaxAttempts, settings.MaxBackoff, permanent: true);
            return;
        }
        var page = $"{options.Value.Page}?messageId={message.Id:N}";
        outbox.Add(new WeChatMiniProgramSubscribeMessageRequestedIntegrationEvent(delivery.Id, binding.WeChatUserId, template.TemplateId,
            page, MiniProgramFields.For(message, template)));
        delivery.MarkRequested(now + settings.WeChatOutcomeTimeout);
    }
}
