using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Notification.API.Domain;
using Notification.API.Infrastructure;

namespace Notification.API.Application.MiniProgram;

/// <summary>What WeChat's refusal of a mini-program subscribe message means for the grants: 43101 (the user holds no
/// grant) clears ours for that template; any other permanent failure gives the spent one-time grant back. 47003 (a value
/// WeChat's keyword rules refused) means our mapping is wrong for the template as registered, which is logged with ids
/// only, never the message's text.</summary>
public sealed class MiniProgramRefusals(NotificationDbContext db, MiniProgramGrants grants, IOptions<MiniProgramOptions> options,
    ILogger<MiniProgramRefusals> logger)
{
    public const int UserRefused = 43101;
    public const int ArgumentInvalid = 47003;

    /// <summary>A failure reported for a mini-program delivery. Only a permanent one settles the grant: a transient one
    /// is asked again under the same delivery id.</summary>
    public async Task HandleAsync(Delivery delivery, int errCode, bool permanent, CancellationToken ct)
    {
        if (delivery.Status != DeliveryStatus.Pending || (!permanent && errCode != UserRefused)) return;
        var message = await db.Messages.AsNoTracking().Where(m => m.Id == delivery.MessageId)
            .Select(m => new { m.AccountId, m.Category }).FirstOrDefaultAsync(ct);
        if (message is null || options.Value.ForCategory(message.Category) is not { } template) return;
        if (errCode == UserRefused)
        {
            await grants.ClearAsync(message.AccountId, template.TemplateId, ct);
            return;
        }
        if (errCode == ArgumentInvalid)
            logger.LogWarning("Mini-program subscribe message {DeliveryId} refused with 47003: template {TemplateId} (category {Category}) " +
                "does not accept the values mapped by Notification:MiniProgram:Templates:{Category}:Keywords",
                delivery.Id, template.TemplateId, message.Category, message.Category);
        // Not sent, so WeChat spent nothing: the grant the planning took is the user's again.
        await grants.GiveBackAsync(message.AccountId, template.TemplateId, ct);
    }
}
