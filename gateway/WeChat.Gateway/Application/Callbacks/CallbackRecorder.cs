using Microsoft.EntityFrameworkCore;
using Platform.Contracts.WeChat;
using Platform.Messaging.Outbox;
using Platform.WeChat.Messaging;
using WeChat.Gateway.Domain;
using WeChat.Gateway.Infrastructure;

namespace WeChat.Gateway.Application.Callbacks;

/// <summary>Records a verified callback once across all replicas, and in the same transaction the follower state it
/// changes and the integration events it raises. A retried or duplicated callback changes nothing.</summary>
public sealed class CallbackRecorder(WeChatDbContext db, IIntegrationEventOutbox outbox, TimeProvider time)
{
    /// <returns>false when this callback was already handled.</returns>
    public async Task<bool> RecordOnceAsync(InboundMessage message, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var first = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO processed_callbacks (dedup_key, open_id, msg_type, received_at)
            VALUES ({message.DedupKey}, {message.FromUserName}, {message.MsgType}, {now})
            ON CONFLICT DO NOTHING
            """, ct) == 1;
        if (!first)
        {
            await tx.RollbackAsync(ct);
            return false;
        }

        await ApplyAsync(message, now, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    private async Task ApplyAsync(InboundMessage message, DateTimeOffset now, CancellationToken ct)
    {
        var openId = message.FromUserName;
        var user = await db.Users.FindAsync([openId], ct);
        if (user is null)
        {
            user = new WeChatUser { OpenId = openId, UpdatedAt = now };
            db.Users.Add(user);
        }

        var at = message.CreatedAt;
        switch (message)
        {
            case SubscribeEvent subscribe:
                user.Subscribe(at);
                outbox.Add(new WeChatUserSubscribedIntegrationEvent(openId, subscribe.SceneValue, at));
                if (subscribe.SceneValue is { } scene) AddSceneScanned(openId, scene, at);
                break;
            case UnsubscribeEvent:
                user.Unsubscribe(at);
                outbox.Add(new WeChatUserUnsubscribedIntegrationEvent(openId, at));
                break;
            case ScanEvent scan:
                user.Touch(at);
                AddSceneScanned(openId, scan.SceneValue, at);
                break;
            default:
                user.Touch(at);
                break;
        }
    }

    private void AddSceneScanned(string openId, string scene, DateTimeOffset at)
    {
        var code = SceneCode.Parse(scene);
        outbox.Add(new WeChatSceneScannedIntegrationEvent(openId, code.Name, code.Value, at));
    }
}
