using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Problems;
using Platform.WeChat.Messaging;
using Platform.WeChat.Messaging.Xml;
using WeChat.Gateway.Application;
using WeChat.Gateway.Application.Callbacks;

namespace WeChat.Gateway.Apis;

/// <summary>The server URL configured in the WeChat admin console (behind nginx at /wechat/).</summary>
public static class CallbackApi
{
    private const int MaxBodyBytes = 128 * 1024;

    public static IEndpointRouteBuilder MapCallbackApi(this IEndpointRouteBuilder app)
    {
        // WeChat's servers are few and authenticated by signature; the per-IP budget would throttle all users at once.
        var api = app.MapGroup("/wechat").WithTags("微信回调").DisableRateLimiting();
        api.MapGet("/callback", VerifyServerUrl).WithName("VerifyWeChatServerUrl").WithSummary("微信服务器地址验证（echostr）");
        api.MapPost("/callback", ReceiveCallback).WithName("ReceiveWeChatCallback").WithSummary("接收微信消息与事件并被动回复");
        return app;
    }

    public static ContentHttpResult VerifyServerUrl(
        string? signature, string? timestamp, string? nonce, string? echostr, WeChatCallbackCodec codec)
    {
        if (timestamp is null || nonce is null || echostr is null) throw MissingParameters();
        try
        {
            return TypedResults.Text(codec.VerifyServerUrl(signature, timestamp, nonce, echostr), "text/plain");
        }
        catch (WeChatCryptoException)
        {
            throw Forged();
        }
    }

    public static async Task<ContentHttpResult> ReceiveCallback(
        HttpRequest request, string? signature, string? timestamp, string? nonce, string? openid,
        string? encrypt_type, string? msg_signature, WeChatCallbackCodec codec, CallbackRecorder recorder,
        ReplyDispatcher replies, IOptions<WeChatGatewayOptions> options, TimeProvider time, CancellationToken ct)
    {
        if (signature is null || timestamp is null || nonce is null) throw MissingParameters();
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || (time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253402300799))).Duration() > options.Value.CallbackMaxAge)
            throw new ProblemException(403, "wechat_callback_stale", "回调时间戳超出允许范围");

        var body = await ReadBodyAsync(request, ct);
        OpenedCallback opened;
        try
        {
            opened = codec.Open(new CallbackQuery(signature, timestamp, nonce, openid, encrypt_type, msg_signature), body);
        }
        catch (WeChatCryptoException e) when (e.Failure is WeChatCryptoFailure.InvalidSignature or WeChatCryptoFailure.AppIdMismatch)
        {
            throw Forged();
        }
        catch (Exception e) when (e is WeChatCryptoException or WeChatXmlException)
        {
            throw new ProblemException(400, "wechat_callback_malformed", "回调内容无法解析");
        }

        if (!await recorder.RecordOnceAsync(opened.Message, ct))
            return Success();
        var reply = await replies.ReplyInTimeAsync(opened.Message);
        if (reply is null) return Success();
        var xml = codec.SealReply(reply.ToPassiveXml(opened.Message, time.GetUtcNow()), opened);
        return TypedResults.Text(xml, "application/xml", Encoding.UTF8);
    }

    private static async Task<string> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBodyBytes) throw new ProblemException(413, "payload_too_large", "回调内容过大");
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) throw new ProblemException(413, "payload_too_large", "回调内容过大");
            buffer.Write(chunk, 0, read);
        }
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (DecoderFallbackException)
        {
            throw new ProblemException(400, "wechat_callback_malformed", "回调内容无法解析");
        }
    }

    /// <summary>"success" tells WeChat the callback was received and needs no passive reply.</summary>
    private static ContentHttpResult Success() => TypedResults.Text(ReplyXml.NoReply, "text/plain");

    private static ProblemException Forged() => new(403, "wechat_signature_invalid", "回调签名校验失败");

    private static ProblemException MissingParameters() => new(400, "wechat_callback_malformed", "缺少签名参数");
}
