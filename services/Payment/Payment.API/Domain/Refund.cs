namespace Payment.API.Domain;

/// <summary>Money going back for an order. Its amount was reserved on the order when it was recorded, so refunds can
/// never add up to more than was paid; the out_refund_no makes resending it to WeChat Pay safe.</summary>
public sealed class Refund
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid OrderId { get; init; }
    public required long AmountFen { get; init; }
    public required string Reason { get; init; }
    public required DateTimeOffset RequestedAt { get; init; }
    public string OutRefundNo => Id.ToString("N");
    public string Status { get; private set; } = RefundStatus.Requested;
    public string? WeChatRefundId { get; private set; }
    public DateTimeOffset? SucceededAt { get; private set; }
    public string? FailureReason { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public uint Version { get; private set; }

    public void Accepted(string weChatRefundId, DateTimeOffset checkAt)
    {
        WeChatRefundId = weChatRefundId;
        if (Status == RefundStatus.Requested) Status = RefundStatus.Processing;
        NextAttemptAt = checkAt;
    }

    public void Attempted(DateTimeOffset retryAt)
    {
        Attempts++;
        NextAttemptAt = retryAt;
    }

    public bool Succeed(DateTimeOffset at)
    {
        if (Status == RefundStatus.Succeeded) return false;
        Status = RefundStatus.Succeeded;
        SucceededAt = at.ToUniversalTime();
        NextAttemptAt = null;
        return true;
    }

    public bool Fail(string reason)
    {
        if (Status is RefundStatus.Succeeded or RefundStatus.Abnormal) return false;
        Status = RefundStatus.Abnormal;
        FailureReason = reason;
        NextAttemptAt = null;
        return true;
    }
}
