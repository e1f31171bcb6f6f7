using System.Text;
using System.Text.Json;
using Payment.API.Application;
using Platform.WeChat.Pay;
using Platform.WeChat.Pay.Models;

namespace Payment.API.Apis;

/// <summary>WeChat Pay's notify_url: payment and refund notices, each signed by the platform key and encrypted with the
/// APIv3 key. Answered 204 once recorded (WeChat Pay stops retrying); a notice that cannot be proven genuine is refused
/// with 401 and changes nothing.</summary>
public static class WeChatPayNotifyApi
{
    private const int MaxBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapWeChatPayNotifyApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/payment/notify/wechatpay", Receive).WithName("WeChatPayNotify").WithTags("微信支付")
            .WithSummary("微信支付回调（支付成功、退款结果）").AllowAnonymous().DisableRateLimiting();
        return app;
    }

    public static async Task<IResult> Receive(HttpRequest request, WeChatPayNotificationReader reader, PaymentSettlement payments,
        RefundSettlement refunds, ILoggerFactory loggers, CancellationToken ct)
    {
        var logger = loggers.CreateLogger(typeof(WeChatPayNotifyApi));
        if (request.ContentLength > MaxBytes) return Fail(413, "通知内容过大");
        using var stream = new StreamReader(request.Body, Encoding.UTF8);
        var body = await stream.ReadToEndAsync(ct);
        if (body.Length > MaxBytes) return Fail(413, "通知内容过大");
        var headers = WeChatPaySignatureHeaders.From(name => request.Headers[name].FirstOrDefault());
        try
        {
            var notice = reader.Read<JsonElement>(headers, body);
            var eventType = notice.Envelope.EventType;
            if (eventType.StartsWith("TRANSACTION.", StringComparison.Ordinal))
            {
                await payments.SettleAsync(Resource<Transaction>(notice), ct);
            }
            else if (eventType.StartsWith("REFUND.", StringComparison.Ordinal))
            {
                var refund = Resource<RefundNotificationResource>(notice);
                await refunds.ApplyAsync(refund.OutRefundNo, refund.RefundStatus, refund.SuccessTime, ct);
            }
            else
            {
                logger.LogInformation("WeChat Pay notice of type {EventType} ignored", eventType);
            }
            return Results.NoContent();
        }
        catch (WeChatPaySignatureException e)
        {
            logger.LogWarning("WeChat Pay notice refused: {Failure}", e.Failure);
            return Fail(401, "签名验证失败");
        }
        catch (WeChatPayDecryptionException e)
        {
            logger.LogWarning("WeChat Pay notice refused: {Reason}", e.Message);
            return Fail(400, "通知内容无法解密");
        }
    }

    private static T Resource<T>(VerifiedNotification<JsonElement> notice)
    {
        try { return notice.Resource.Deserialize<T>() ?? throw new WeChatPayDecryptionException("Decrypted resource is empty."); }
        catch (JsonException e) { throw new WeChatPayDecryptionException("Decrypted resource is not the expected JSON.", e); }
    }

    /// <summary>WeChat Pay's documented failure answer: it retries the notice later.</summary>
    private static IResult Fail(int status, string message) => Results.Json(new { code = "FAIL", message }, statusCode: status);
}
