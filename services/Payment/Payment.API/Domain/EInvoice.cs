namespace Payment.API.Domain;

/// <summary>The 医疗电子票据 of a paid order (blue), or the red-letter reversal (冲红) of a refund. Requested in the same
/// transaction as the payment or refund it records, then issued by the e-invoice platform through a worker.</summary>
public sealed class EInvoice
{
    public const string Blue = "blue";
    public const string Red = "red";
    public const string Requested = "requested";
    public const string Issued = "issued";
    public const string Failed = "failed";

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid OrderId { get; init; }
    public required string Kind { get; init; }
    public Guid? RefundId { get; init; }
    public required long AmountFen { get; init; }
    public required DateTimeOffset RequestedAt { get; init; }
    public string Status { get; private set; } = Requested;
    public string? InvoiceCode { get; private set; }
    public string? InvoiceNo { get; private set; }
    public string? CheckCode { get; private set; }
    public string? VerifyUrl { get; private set; }
    public DateTimeOffset? IssuedAt { get; private set; }
    public string? FailureReason { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset? NextAttemptAt { get; set; }

    public static EInvoice For(PaymentOrder order, DateTimeOffset now) =>
        new() { OrderId = order.Id, Kind = Blue, AmountFen = order.AmountFen, RequestedAt = now, NextAttemptAt = now };

    public static EInvoice ReversalOf(Refund refund, DateTimeOffset now) =>
        new() { OrderId = refund.OrderId, Kind = Red, RefundId = refund.Id, AmountFen = refund.AmountFen, RequestedAt = now, NextAttemptAt = now };

    public void Issue(string code, string number, string checkCode, string verifyUrl, DateTimeOffset issuedAt)
    {
        Status = Issued;
        (InvoiceCode, InvoiceNo, CheckCode, VerifyUrl, IssuedAt) = (code, number, checkCode, verifyUrl, issuedAt.ToUniversalTime());
        NextAttemptAt = null;
        FailureReason = null;
    }

    public void Retry(string reason, DateTimeOffset at)
    {
        Attempts++;
        FailureReason = reason;
        NextAttemptAt = at;
    }

    public void Fail(string reason)
    {
        Attempts++;
        Status = Failed;
        FailureReason = reason;
        NextAttemptAt = null;
    }

    public string StatusText => Status switch
    {
        Issued => Kind == Red ? "已冲红" : "已开具",
        Failed => "开具失败",
        _ => "开具中",
    };
}
