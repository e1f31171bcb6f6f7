namespace Payment.API.Domain;

/// <summary>Something about money that staff must look at: never settled automatically.</summary>
public sealed class PaymentIssue
{
    public const string AmountMismatch = "amount_mismatch";
    public const string RefundAbnormal = "refund_abnormal";
    public const string Reconciliation = "reconciliation";
    public const string UnknownOrder = "unknown_order";
    public const string HisRefused = "his_refused";
    public const string EInvoiceFailed = "einvoice_failed";
    public const string InsuranceFailed = "insurance_failed";

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Kind { get; init; }
    /// <summary>One open issue per cause: the same notice delivered 15 times raises it once.</summary>
    public required string DedupKey { get; init; }
    public Guid? OrderId { get; init; }
    public string? OutTradeNo { get; init; }
    public required string Detail { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ResolvedAt { get; private set; }
    public string? ResolvedBy { get; private set; }
    public string? Note { get; private set; }

    public static string KindText(string kind) => kind switch
    {
        AmountMismatch => "金额不符",
        RefundAbnormal => "退款异常",
        Reconciliation => "对账差异",
        UnknownOrder => "未知订单",
        HisRefused => "医院未入账",
        EInvoiceFailed => "电子票据失败",
        InsuranceFailed => "医保结算失败",
        _ => kind,
    };

    public void Resolve(string by, string note, DateTimeOffset at)
    {
        if (ResolvedAt is not null) return;
        ResolvedAt = at;
        ResolvedBy = by;
        Note = note;
    }
}
