using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Notification.API.Domain;
using Notification.API.Infrastructure;

namespace Notification.API.Application.MiniProgram;

/// <summary>What WeChat's refusal of a mini-program subscribe message means for the grants: 43101 (the user holds no
/// grant) clears ours for that template; 47003 (a value WeChat's keyword rules refused) means our mapping is wrong for
/// the template as registered, which is logged with ids only, never the message's text.</summary>
public sealed class MiniProgramRefusals(NotificationDbContext db, MiniProgramGrants grants, IOptions<MiniProgramOptions> options,
    ILogger<MiniProgramRefusals> logger)
{
    public const int UserRefused = 43101;
    public const int ArgumentInvalid = 47003;

    public async Task HandleAsync(Delivery delivery, int errCode, CancellationToken ct)
    {
        if (errCode is not (UserRefused or ArgumentInvalid)) return;
        var message = await db.Messages.AsNoTracking().Where(m => m.Id == delivery.MessageId)
            .Select(m => new { m.AccountId, m.Category }).FirstOrDefaultAsync(ct);
        if (message is null || options.Value.ForCategory(message.Category) is not { } template) return;
        if (errCode == UserRefused)
            await grants.ClearAsync(message.AccountId, template.TemplateId, ct);
        else
            logger.LogWarning("Mini-program subscribe message {DeliveryId} refused with 47003: template {TemplateId} (category {Category}) " +
                "does not accept the values mapped by Notification:MiniProgram:Templates:{Category}:Keywords",
                delivery.Id, template.TemplateId, message.Category, message.Category);
    }
}
