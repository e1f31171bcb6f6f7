using Payment.API.Domain;

namespace Payment.API.Application;

public sealed record RefundDto(Guid Id, long AmountFen, string Status, string StatusText, string Reason, DateTimeOffset RequestedAt,
    DateTimeOffset? SucceededAt);

/// <summary>A 医疗电子票据 (blue) or its 冲红 (red): the numbers to check it by, and where anyone can verify it.</summary>
public sealed record EInvoiceDto(string Kind, string Status, string StatusText, long AmountFen, string? InvoiceCode, string? InvoiceNo,
    string? CheckCode, string? VerifyUrl, DateTimeOffset? IssuedAt)
{
    public static EInvoiceDto From(EInvoice e) =>
        new(e.Kind, e.Status, e.StatusText, e.AmountFen, e.InvoiceCode, e.InvoiceNo, e.CheckCode, e.VerifyUrl, e.IssuedAt);
}

/// <summary>How medical insurance took part: per item 统筹 (fund) + 个人账户 (account) + 自付 (self) = amount.</summary>
public sealed record InsuranceDto(string Status, string StatusText, string? InsuredName, string? InsuranceType, long TotalFen,
    long FundPayFen, long AccountPayFen, long SelfPayFen, DateTimeOffset? PreSettlementExpiresAt, DateTimeOffset? SettledAt,
    string? FailureReason, IReadOnlyList<InsuranceLine> Items)
{
    public static InsuranceDto? From(InsuranceClaim? c) => c is null || c.Status is InsuranceStatus.Authorizing or InsuranceStatus.Abandoned
        ? null
        : new(c.Status, InsuranceStatus.TextOf(c.Status), c.InsuredName, c.InsuranceType, c.TotalFen, c.FundPayFen, c.AccountPayFen,
            c.SelfPayFen, c.PreSettlementExpiresAt, c.SettledAt, c.FailureReason, c.Lines);
}

public sealed record OrderDto(Guid Id, string Kind, string KindText, Guid SourceId, Guid PatientId, string Description, long AmountFen,
    string Status, string StatusText, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? PaidAt, long RefundedFen,
    IReadOnlyList<RefundDto> Refunds, EInvoiceDto? EInvoice = null, IReadOnlyList<EInvoiceDto>? Reversals = null,
    long PayableFen = 0, InsuranceDto? Insurance = null)
{
    public static OrderDto From(PaymentOrder o, IReadOnlyCollection<Refund> refunds, IReadOnlyCollection<EInvoice>? invoices = null,
        InsuranceClaim? claim = null)
    {
        var (status, text) = OrderStatus.Shown(o, refunds, claim);
        var blue = invoices?.FirstOrDefault(i => i.Kind == Domain.EInvoice.Blue);
        return new OrderDto(o.Id, o.Kind, OrderStatus.KindText(o.Kind), o.SourceId, o.PatientId, o.Description, o.AmountFen, status, text,
            o.CreatedAt, o.ExpiresAt, o.PaidAt, RefundedOf(o, refunds),
            refunds.OrderBy(r => r.RequestedAt).Select(RefundOf).ToList(),
            blue is null ? null : EInvoiceDto.From(blue),
            invoices?.Where(i => i.Kind == Domain.EInvoice.Red).OrderBy(i => i.RequestedAt).Select(EInvoiceDto.From).ToList() ?? [],
            o.PayableFen, InsuranceDto.From(claim));
    }

    /// <summary>What has actually gone back (the order also counts refunds still under way, to never over-refund).</summary>
    private static long RefundedOf(PaymentOrder o, IReadOnlyCollection<Refund> refunds) =>
        refunds.Where(r => r.Status == RefundStatus.Succeeded).Sum(r => r.AmountFen);

    public static RefundDto RefundOf(Refund r) =>
        new(r.Id, r.AmountFen, RefundStatus.Shown(r.Status), RefundStatus.TextOf(r.Status), r.Reason, r.RequestedAt, r.SucceededAt);
}

/// <summary>How the client pays: H5 JSAPI (Jsapi for getBrandWCPayRequest), a QR code (CodeUrl), or the mini-program
/// (Channel "miniprogram", RequestPayment for wx.requestPayment).</summary>
public sealed record PayInstruction(string Method, object? Jsapi = null, string? CodeUrl = null, string? Channel = null,
    MiniProgramPayment? RequestPayment = null);

/// <summary>wx.requestPayment's parameters, signed server-side with the merchant key over the mini-program's appid.</summary>
public sealed record MiniProgramPayment(string TimeStamp, string NonceStr, string Package, string SignType, string PaySign);

/// <summary>Body of POST /api/payment/orders/{id}/pay; no body (or no channel) keeps the H5 behaviour.</summary>
public sealed record PayRequest(string? Channel);

public static class PayChannel
{
    public const string MiniProgram = "miniprogram";
}
