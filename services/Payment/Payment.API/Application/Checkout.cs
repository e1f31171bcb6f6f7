using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Payment.API.Domain;
using Payment.API.Infrastructure;
using Platform.ServiceDefaults.Problems;
using Platform.WeChat.Pay;
using Platform.WeChat.Pay.Models;

namespace Payment.API.Application;

/// <summary>A patient's side of an order: how to pay it (JSAPI inside WeChat, a QR code outside), and asking WeChat Pay
/// at once when the cashier says it is done. Nothing is held open across the calls to WeChat Pay or Identity.</summary>
public sealed class Checkout(PaymentDbContext db, WeChatPayClient weChatPay, PayerDirectory payers, PaymentSettlement settlement,
    OrderQuerySignal queries, IOptions<PaymentOptions> options, TimeProvider clock, ILogger<Checkout> logger)
{
    public async Task<PaymentOrder> OwnAsync(Guid account, Guid orderId, CancellationToken ct) =>
        await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orderId && o.AccountId == account, ct)
        ?? throw ProblemException.NotFound("订单");

    public async Task<PayInstruction> PayAsync(Guid account, Guid orderId, CancellationToken ct, string? channel = null)
    {
        var inMiniProgram = channel == PayChannel.MiniProgram;
        if (channel is not null && !inMiniProgram)
            throw ProblemException.Invalid(new Dictionary<string, string[]> { ["channel"] = ["支付渠道只能是 miniprogram 或不填"] });
        var miniProgramAppId = options.Value.WeChatPay.MiniProgramAppId;
        if (inMiniProgram && string.IsNullOrWhiteSpace(miniProgramAppId))
            throw ProblemException.Conflict("miniprogram_pay_disabled", "本院暂未开通小程序支付，请在公众号内缴费");
        var order = await OwnAsync(account, orderId, ct);
        EnsurePayable(order);
        if (order.InsuredFen > 0)
        {
            var claim = await db.InsuranceClaims.AsNoTracking()
                .FirstOrDefaultAsync(c => c.OrderId == order.Id && c.Status == InsuranceStatus.PreSettled, ct);
            if (claim is null) throw ProblemException.Conflict("insurance_not_presettled", "医保结算状态已变化，请返回账单重新缴费");
            if (order.PayableFen == 0) throw ProblemException.Conflict("insurance_covers_all", "本单由医保全额支付，请确认医保结算");
            if (order.PrepaidAt is null) InsuranceCheckout.EnsureFresh(claim, clock.GetUtcNow());
        }
        var openId = await Unavailable(() => inMiniProgram ? payers.MiniProgramOpenIdAsync(account, ct) : payers.OpenIdAsync(account, ct));
        if (inMiniProgram && openId is null)
            throw ProblemException.Conflict("miniprogram_not_signed_in", "请先在小程序中登录后再支付");
        var attach = order.Id.ToString("N");
        var expires = order.ExpiresAt;
        PayInstruction instruction;
        string tradeType, prepayRef;
        try
        {
            if (inMiniProgram)
            {
                var prepay = await weChatPay.PrepayJsapiAsync(new JsapiOrder(order.Description, order.OutTradeNo, checked((int)order.PayableFen),
                    openId!, options.Value.NotifyUrl, expires, attach, miniProgramAppId), ct);
                (tradeType, prepayRef) = ("JSAPI", prepay.PrepayId);
                var p = weChatPay.CreateJsapiPayParameters(prepay.PrepayId, miniProgramAppId);
                instruction = new PayInstruction(PayChannel.MiniProgram, Channel: PayChannel.MiniProgram,
                    RequestPayment: new MiniProgramPayment(p.TimeStamp, p.NonceStr, p.Package, p.SignType, p.PaySign));
            }
            else if (openId is not null)
            {
                var prepay = await weChatPay.PrepayJsapiAsync(new JsapiOrder(order.Description, order.OutTradeNo, checked((int)order.PayableFen),
                    openId, options.Value.NotifyUrl, expires, attach), ct);
                (tradeType, prepayRef) = ("JSAPI", prepay.PrepayId);
                instruction = new PayInstruction("jsapi", Jsapi: weChatPay.CreateJsapiPayParameters(prepay.PrepayId));
            }
            else
            {
                var codeUrl = await weChatPay.PrepayNativeAsync(new NativeOrder(order.Description, order.OutTradeNo, checked((int)order.PayableFen),
                    options.Value.NotifyUrl, expires, attach), ct);
                (tradeType, prepayRef) = ("NATIVE", codeUrl);
                instruction = new PayInstruction("native", CodeUrl: codeUrl);
            }
        }
        catch (WeChatPayApiException e) when (e.Code == "ORDERPAID")
        {
            await QueryAsync(order, ct);
            throw ProblemException.Conflict("order_paid", "该订单已支付，无需重复支付");
        }
        catch (WeChatPayApiException e) when (e.Code is "ORDER_CLOSED" or "ORDERCLOSED")
        {
            throw ProblemException.Conflict("order_closed", "该订单已关闭，不能再支付");
        }
        // The same out_trade_no was already placed for the other app (service account vs mini-program) or payer.
        catch (WeChatPayApiException e) when (e.Code == "INVALID_REQUEST")
        {
            logger.LogInformation("WeChat Pay refused a second prepay of order {OrderId}: {Code}", order.Id, e.Code);
            throw ProblemException.Conflict("order_prepaid_elsewhere", "该订单已在其他渠道发起支付，请在原渠道完成支付");
        }
        catch (Exception e) when (PartyFailures.IsUnreachable(e))
        {
            logger.LogWarning(e, "WeChat Pay prepay failed for order {OrderId}", order.Id);
            throw PayUnavailable();
        }
        await RecordPrepayAsync(order.Id, tradeType, prepayRef, ct);
        return instruction;
    }

    /// <summary>Asks WeChat Pay now (the cashier's "ok" is not proof) and credits the order if it was paid.</summary>
    public async Task QueryAsync(PaymentOrder order, CancellationToken ct)
    {
        if (order.Status != OrderStatus.Pending || order.PrepaidAt is null) return;
        Transaction t;
        try { t = await weChatPay.QueryByOutTradeNoAsync(order.OutTradeNo, ct); }
        catch (Exception e) when (PartyFailures.IsUnreachable(e) || e is WeChatPayApiException)
        {
            // The query worker asks again shortly; the page follows the push.
            logger.LogInformation(e, "WeChat Pay query for order {OrderId} failed; the worker will ask again", order.Id);
            queries.Nudge();
            return;
        }
        await settlement.SettleAsync(t, ct);
    }

    private static void EnsurePayable(PaymentOrder order)
    {
        if (order.Status == OrderStatus.Paid) throw ProblemException.Conflict("order_paid", "该订单已支付，无需重复支付");
        if (!order.IsOpen) throw ProblemException.Conflict("order_closed", "该订单已关闭，不能再支付");
    }

    private async Task RecordPrepayAsync(Guid orderId, string tradeType, string prepayRef, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var order = await db.Orders.FirstAsync(o => o.Id == orderId, ct);
        order.Prepaid(tradeType, prepayRef.Length <= 64 ? prepayRef : prepayRef[..64], now, options.Value.QueryAfter);
        try { await db.SaveChangesAsync(ct); }
        // A notice already moved the order on: it no longer needs a query of its own.
        catch (DbUpdateConcurrencyException) { }
    }

    private async Task<T> Unavailable<T>(Func<Task<T>> call)
    {
        try { return await call(); }
        catch (Exception e) when (PartyFailures.IsUnreachable(e))
        {
            logger.LogWarning(e, "Payer look-up failed");
            throw PayUnavailable();
        }
    }

    private static ProblemException PayUnavailable() => new(503, "pay_unavailable", "微信支付暂时无法使用，请稍后再试");
}
