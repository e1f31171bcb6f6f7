using Microsoft.EntityFrameworkCore;
using Platform.Contracts.WeChat;
using Platform.Messaging.Outbox;
using Platform.Security.Hashing;
using Platform.WeChat.Messaging;
using WeChat.Gateway.Application.Users;
using WeChat.Gateway.Infrastructure;

namespace WeChat.Gateway.Application.Callbacks;

/// <summary>Records a verified callback once across all replicas, and in the same transaction the follower state it
/// changes and the integration events it raises. A retried or duplicated callback changes nothing.</summary>
public sealed class CallbackRecorder(WeChatDbContext db, IIntegrationEventOutbox outbox, WeChatUsers users, LookupHasher hasher,
    TimeProvider time)
{
    /// <returns>false when this callback was already handled.</returns>
    public async Task<bool> RecordOnceAsync(InboundMessage message, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var userId = users.IdOf(message.FromUserName);
        // WeChat's dedup key of an event holds the openid: keep only a keyed hash of it.
        var dedupKey = hasher.HashCaseSensitive("wechat-callback", message.DedupKey);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var first = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO processed_callbacks (dedup_key, wechat_user_id, msg_type, received_at)
            VALUES ({dedupKey}, {userId}, {message.MsgType}, {now})
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
        var user = await users.FindOrAddAsync(message.FromUserName, now, ct);
        var userId = user.Id;

        var at = message.CreatedAt;
        switch (message)
        {
            case SubscribeEvent subscribe:
                user.Subscribe(at);
                outbox.Add(new WeChatUserSubscribedIntegrationEvent(userId, subscribe.SceneValue, at));
                if (subscribe.SceneValue is { } scene) AddSceneScanned(userId, scene, at);
                break;
            case UnsubscribeEvent:
                user.Unsubscribe(at);
                outbox.Add(new WeChatUserUnsubscribedIntegrationEvent(userId, at));
                break;
            case ScanEvent scan:
                user.Touch(at);
                AddSceneScanned(userId, scan.SceneValue, at);
                break;
            default:
                user.Touch(at);
                break;
        }
    }

    private void AddSceneScanned(Guid userId, string scene, DateTimeOffset at)
    {
        var code = SceneCode.Parse(scene);
        outbox.Add(new WeChatSceneScannedIntegrationEvent(userId, code.Name, code.Value, at));
    }
}
