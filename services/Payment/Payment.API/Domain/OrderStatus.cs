namespace Payment.API.Domain;

public static class OrderStatus
{
    public const string Pending = "pending";
    public const string Paid = "paid";
    public const string Closed = "closed";
    /// <summary>Shown only: the 自付 part is paid, the insurance 结算 still under way.</summary>
    public const string Settling = "settling";

    /// <summary>What the patient reads: a paid order's refunds decide between 已支付, 退款中, 部分退款 and 已退款.</summary>
    public static (string Status, string Text) Shown(PaymentOrder o, IReadOnlyCollection<Refund> refunds, InsuranceClaim? claim = null)
    {
        // The 自付 part is in (or there is none) but the bill is paid only once insurance has settled its part.
        if (claim?.Status == InsuranceStatus.Settling && o.Status != Closed) return (Settling, "医保结算中");
        if (o.Status == Pending) return (Pending, "待支付");
        if (o.Status == Closed) return (Closed, "已关闭");
        if (claim?.Status == InsuranceStatus.Reversing) return ("refunding", "退款中");
        if (claim?.Status == InsuranceStatus.Reversed && o.RefundedFen >= o.PayableFen && !refunds.Any(r => r.Status is RefundStatus.Requested or RefundStatus.Processing))
            return ("refunded", "已退款");
        if (refunds.Any(r => r.Status is RefundStatus.Requested or RefundStatus.Processing)) return ("refunding", "退款中");
        if (o.PayableFen > 0 && o.RefundedFen >= o.PayableFen) return ("refunded", "已退款");
        return o.RefundedFen > 0 ? ("partiallyRefunded", "部分退款") : (Paid, "已支付");
    }

    public static string KindText(string kind) => kind switch
    {
        "registration" => "挂号费",
        "exam" => "检查检验费",
        "drug" => "药品费",
        "deposit" => "住院预交金",
        "outpatient" => "门诊缴费",
        "delivery" => "药品配送费",
        "convenience" => "便民服务费",
        "home-care" => "医护到家服务费",
        _ => "费用",
    };
}

public static class RefundStatus
{
    /// <summary>Recorded, not yet accepted by WeChat Pay (the worker sends it; the out_refund_no makes resending safe).</summary>
    public const string Requested = "requested";
    public const string Processing = "processing";
    public const string Succeeded = "succeeded";
    public const string Abnormal = "abnormal";

    public static string TextOf(string status) => status switch
    {
        Requested or Processing => "退款中",
        Succeeded => "已退款",
        Abnormal => "退款异常",
        _ => status,
    };

    /// <summary>The patient sees requested and processing alike.</summary>
    public static string Shown(string status) => status == Requested ? Processing : status;
}
