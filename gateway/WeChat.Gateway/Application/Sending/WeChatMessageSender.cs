using MassTransit;
using Platform.Security.Logging;
using Platform.Contracts.WeChat;
using Platform.Messaging.Outbox;
using Platform.WeChat.Api;
using Platform.WeChat.Templates;
using WeChat.Gateway.Application.MiniProgram;
using WeChat.Gateway.Application.Credentials;
using WeChat.Gateway.Application.Users;
using WeChat.Gateway.Domain;
using WeChat.Gateway.Infrastructure;

namespace WeChat.Gateway.Application.Sending;

/// <summary>One message to send to a WeChat user (by opaque id): <see cref="Send"/> calls WeChat with the user's openid
/// and returns its msgid when it gives one. <see cref="App"/> picks whose access token the call carries.</summary>
public sealed record SendRequest(Guid MessageId, string Kind, Guid WeChatUserId, string? ClientMsgId,
    Func<WeChatApiClient, string, CancellationToken, Task<long?>> Send, SendingApp App = SendingApp.ServiceAccount);

public enum SendingApp
{
    ServiceAccount,
    MiniProgram,
}

/// <summary>Sends each requested message at most once (sent_messages keyed by the requester's MessageId) and publishes
/// its outcome. Transient failures are thrown so the bus retries with backoff; the last retry records the failure.</summary>
public sealed class WeChatMessageSender(
    WeChatDbContext db, IIntegrationEventOutbox outbox, WeChatClientFactory clients, MiniProgramClientFactory miniProgram,
    WeChatUsers users, TimeProvider time,
    ILogger<WeChatMessageSender> logger)
{
    /// <summary>Matches the retry limit Platform.Messaging configures on the bus.</summary>
    public const int BusRetryLimit = 5;

    public async Task SendOnceAsync(SendRequest request, ConsumeContext context)
    {
        var ct = context.CancellationToken;
        if (await db.SentMessages.FindAsync([request.MessageId], ct) is { } decided)
        {
            logger.LogInformation("Message {MessageId} was already {Status}; not sending again", request.MessageId, decided.Status);
            return;
        }

        var now = time.GetUtcNow();
        var row = new SentMessage
        {
            MessageId = request.MessageId, Kind = request.Kind, WeChatUserId = request.WeChatUserId, ClientMsgId = request.ClientMsgId,
            Status = SentMessageStatus.Sent, Attempts = context.GetRetryAttempt() + 1, CreatedAt = now, UpdatedAt = now,
        };
        var lastAttempt = context.GetRetryAttempt() >= BusRetryLimit;
        // A user the gateway never saw (no callback, no sign-in) has no openid here: sending cannot succeed.
        if (await users.OpenIdOfAsync(request.WeChatUserId, ct) is not { } openId)
        {
            Fail(row, WeChatErrorCodes.InvalidOpenId, "unknown WeChat user", permanent: true);
            db.SentMessages.Add(row);
            return;
        }
        try
        {
            var api = request.App == SendingApp.MiniProgram ? miniProgram.WithAccessToken() : clients.WithAccessToken();
            row.WeChatMsgId = await request.Send(api, openId, ct);
            outbox.Add(new WeChatMessageDeliveredIntegrationEvent(request.MessageId, row.WeChatMsgId));
        }
        catch (TemplateFieldException e)
        {
            Fail(row, WeChatErrorCodes.ArgumentInvalid, e.Message, permanent: true);
        }
        catch (ArgumentException e)
        {
            Fail(row, WeChatErrorCodes.ArgumentInvalid, e.Message, permanent: true);
        }
        catch (WeChatRateLimitException e)
        {
            Fail(row, e.ErrCode, e.ErrMsg, permanent: false);
        }
        catch (WeChatApiException e) when (!IsTransient(e) || lastAttempt)
        {
            Fail(row, e.ErrCode, e.ErrMsg, permanent: !IsTransient(e));
        }
        catch (Exception e) when (lastAttempt && e is HttpRequestException or TaskCanceledException or Polly.ExecutionRejectedException
                                   && !ct.IsCancellationRequested)
        {
            Fail(row, WeChatErrorCodes.SystemBusy, "微信服务不可用：" + e.Message, permanent: false);
        }
        db.SentMessages.Add(row);
    }

    /// <summary>"System busy" and a token still refused after one refresh may clear up; the rest will not.</summary>
    private static bool IsTransient(WeChatApiException e) => e.ErrCode == WeChatErrorCodes.SystemBusy || e.IsAccessTokenInvalid;

    private void Fail(SentMessage row, int errCode, string errMsg, bool permanent)
    {
        row.Status = SentMessageStatus.Failed;
        row.ErrCode = errCode;
        row.ErrMsg = errMsg;
        logger.LogWarning("WeChat {Kind} message {MessageId} failed: {ErrCode} {ErrMsg} (permanent: {Permanent})",
            row.Kind, row.MessageId, errCode, LogRedactor.Redact(errMsg), permanent);
        outbox.Add(new WeChatMessageFailedIntegrationEvent(row.MessageId, errCode, errMsg, permanent));
    }
}
