using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Payment.API.Application;
using Payment.API.Domain;
using Platform.ServiceDefaults.Problems;
using Payment.API.Infrastructure;
using Platform.ServiceDefaults.Auth;

namespace Payment.API.Apis;

public sealed record OrderList(IReadOnlyList<OrderDto> Items);

/// <summary>The signed-in account's orders: what it owes and paid, how to pay, and its refunds.</summary>
public static class OrdersApi
{
    public static IEndpointRouteBuilder MapOrdersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/payment/orders").WithTags("缴费").RequireAuthorization(PlatformRoles.Patient);
        api.MapGet("/", List).WithName("ListOrders").WithSummary("我的缴费记录（可按来源筛选，如某次预约）");
        api.MapGet("/{id:guid}", Get).WithName("GetOrder").WithSummary("订单详情与退款");
        api.MapPost("/{id:guid}/pay", Pay).WithName("PayOrder").WithSummary("微信支付：微信内 JSAPI，微信外扫码，小程序 wx.requestPayment（channel=miniprogram）");
        api.MapPost("/{id:guid}/query", Query).WithName("QueryOrder").WithSummary("向微信支付查询支付结果");
        api.MapGet("/{id:guid}/e-invoice/pdf", EInvoicePdf).WithName("EInvoicePdf").WithSummary("医疗电子票据 PDF（red=冲红票据序号）");
        return app;
    }

    public static async Task<Ok<OrderList>> List(Guid? sourceId, ClaimsPrincipal user, PaymentDbContext db, CancellationToken ct)
    {
        var account = user.AccountId();
        var query = db.Orders.AsNoTracking().Where(o => o.AccountId == account);
        if (sourceId is { } source) query = query.Where(o => o.SourceId == source);
        var orders = await query.OrderByDescending(o => o.CreatedAt).Take(200).ToListAsync(ct);
        return TypedResults.Ok(new OrderList(await db.ToDtosAsync(orders, ct)));
    }

    public static async Task<Ok<OrderDto>> Get(Guid id, ClaimsPrincipal user, Checkout checkout, PaymentDbContext db, CancellationToken ct)
    {
        var order = await checkout.OwnAsync(user.AccountId(), id, ct);
        return TypedResults.Ok((await db.ToDtosAsync([order], ct))[0]);
    }

    /// <summary>No body keeps the H5 behaviour (JSAPI inside WeChat, else a QR code); {channel:"miniprogram"} answers
    /// wx.requestPayment's parameters for the mini-program's appid.</summary>
    public static async Task<Ok<PayInstruction>> Pay(Guid id, PayRequest? body, ClaimsPrincipal user, Checkout checkout, CancellationToken ct) =>
        TypedResults.Ok(await checkout.PayAsync(user.AccountId(), id, ct, string.IsNullOrWhiteSpace(body?.Channel) ? null : body.Channel.Trim()));

    public static async Task<Ok<OrderDto>> Query(Guid id, ClaimsPrincipal user, Checkout checkout, PaymentDbContext db, CancellationToken ct)
    {
        var account = user.AccountId();
        await checkout.QueryAsync(await checkout.OwnAsync(account, id, ct), ct);
        var order = await checkout.OwnAsync(account, id, ct);
        return TypedResults.Ok((await db.ToDtosAsync([order], ct))[0]);
    }

    /// <summary>The receipt's PDF from the e-invoice platform, for the account that paid the order only.</summary>
    public static async Task<IResult> EInvoicePdf(Guid id, int? red, ClaimsPrincipal user, Checkout checkout, PaymentDbContext db,
        EInvoicePlatform platform, CancellationToken ct)
    {
        var order = await checkout.OwnAsync(user.AccountId(), id, ct);
        var invoices = await db.EInvoices.AsNoTracking().Where(i => i.OrderId == order.Id && i.Status == EInvoice.Issued)
            .OrderBy(i => i.RequestedAt).ToListAsync(ct);
        var invoice = (red is { } n ? invoices.Where(i => i.Kind == EInvoice.Red).Skip(n).FirstOrDefault()
            : invoices.FirstOrDefault(i => i.Kind == EInvoice.Blue)) ?? throw ProblemException.NotFound("电子票据");
        try
        {
            var pdf = await platform.PdfAsync(invoice.InvoiceCode!, invoice.InvoiceNo!, ct);
            return Results.File(pdf, "application/pdf", $"电子票据-{invoice.InvoiceNo}.pdf");
        }
        catch (Exception e) when (PartyFailures.IsUnreachable(e))
        {
            throw new ProblemException(503, "einvoice_unavailable", "电子票据平台暂时无法访问，请稍后再试");
        }
    }
}
