using Microsoft.Extensions.Options;
using Platform.Security.Encryption;
using Platform.Security.Pseudonyms;
using Platform.ServiceDefaults.Http;
using Platform.ServiceDefaults.Problems;
using Platform.WeChat.Api;
using Platform.WeChat.MiniProgram;
using WeChat.Gateway.Application.OAuth;
using WeChat.Gateway.Application.Users;
using WeChat.Gateway.Domain;
using WeChat.Gateway.Infrastructure;

namespace WeChat.Gateway.Application.MiniProgram;

public sealed record MiniProgramTicket(string Ticket, int ExpiresIn);

/// <summary>Sign-in from the mini-program: the <c>wx.login</c> code is exchanged with jscode2session here, the openid,
/// unionid and session key stay here (encrypted), and the client gets the same kind of one-time ticket the H5 app gets,
/// which Identity redeems.</summary>
public sealed class MiniProgramSignIn(MiniProgramClientFactory clients, WeChatDbContext db, WeChatUserIds ids, IFieldEncryptor encryptor,
    WeChatTickets tickets, WeChatUsers users, IOptions<WeChatGatewayOptions> options, TimeProvider time, ILogger<MiniProgramSignIn> logger)
{
    public static ProblemException InvalidCode() => new(400, "invalid_code", "登录凭证无效或已使用，请重新登录");

    public async Task<MiniProgramTicket> LoginAsync(string code, string? intent, CancellationToken ct)
    {
        var session = await WeChatCalls.GuardAsync(() => clients.WithoutAccessToken().ExchangeJsCodeAsync(code, ct), InvalidCode, logger);
        var now = time.GetUtcNow();
        var id = ids.For(session.OpenId);
        var row = await db.MiniProgramSessions.FindAsync([id], ct);
        if (row is null)
        {
            row = new MiniProgramSession
            {
                Id = id, OpenIdEncrypted = encryptor.Encrypt(session.OpenId, Context(id)), SessionKeyEncrypted = "", CreatedAt = now,
            };
            db.MiniProgramSessions.Add(row);
        }
        row.SessionKeyEncrypted = encryptor.Encrypt(session.SessionKey, Context(id) + ":session-key");
        row.UnionIdEncrypted = session.UnionId is { Length: > 0 } unionId ? encryptor.Encrypt(unionId, Context(id) + ":unionid") : row.UnionIdEncrypted;
        row.UpdatedAt = now;
        // Subscribe messages are sent to the WeChat user id Identity announces, which the sender resolves here.
        await users.FindOrAddAsync(session.OpenId, now, ct);
        var unionIdKnown = row.UnionIdEncrypted is null ? null : encryptor.Decrypt(row.UnionIdEncrypted, Context(id) + ":unionid");
        // The ticket's row is saved with the session, in one SaveChanges.
        var ticket = await tickets.IssueAsync(WeChatApps.MiniProgram, session.OpenId, new WeChatProfile(unionIdKnown, null, null), intent, ct);
        return new MiniProgramTicket(ticket, (int)options.Value.TicketLifetime.TotalSeconds);
    }

    private static string Context(Guid id) => "miniprogram-session:" + id.ToString("N");
}

/// <summary>How a refusal from WeChat reaches the mini-program: a bad code is the caller's (400), a quota is 429, anything
/// else (WeChat down, busy, our credentials refused) is 503 and logged by errcode only.</summary>
internal static class WeChatCalls
{
    public static async Task<T> GuardAsync<T>(Func<Task<T>> call, Func<ProblemException> invalidCode, ILogger logger)
    {
        try
        {
            return await call();
        }
        catch (WeChatApiException e) when (e.ErrCode is WeChatErrorCodes.InvalidCode or WeChatErrorCodes.CodeAlreadyUsed)
        {
            throw invalidCode();
        }
        catch (WeChatRateLimitException)
        {
            throw new ProblemException(429, "too_many_requests", "操作过于频繁，请稍后再试");
        }
        catch (WeChatApiException e)
        {
            logger.LogWarning("WeChat {Api} refused the mini-program call: errcode {ErrCode}", e.Api, e.ErrCode);
            throw Unavailable();
        }
        catch (Exception e) when (HttpFailures.IsTransient(e))
        {
            logger.LogWarning("WeChat unreachable for the mini-program: {Error}", e.GetType().Name);
            throw Unavailable();
        }
    }

    public static ProblemException Unavailable() => new(503, "wechat_unavailable", "微信服务繁忙，请稍后重试");
}
