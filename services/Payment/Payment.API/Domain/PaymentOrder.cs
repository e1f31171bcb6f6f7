namespace Payment.API.Domain;

/// <summary>One thing a patient's account pays for, in integer fen. <see cref="SourceId"/> is the owning service's id
/// (an appointment, a charge); there is one order per kind and source.</summary>
public sealed class PaymentOrder
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Kind { get; init; }
    public required Guid SourceId { get; init; }
    public required Guid AccountId { get; init; }
    public required Guid PatientId { get; init; }
    public required string Description { get; init; }
    public required long AmountFen { get; init; }
    /// <summary>WeChat Pay's merchant order number: 32 hex digits of the id, unique per merchant.</summary>
    public required string OutTradeNo { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
    /// <summary>What the HIS calls the thing paid for: the Invoice of an outpatient bill, the Account of a deposit.</summary>
    public string? HisReference { get; init; }
    public string Status { get; private set; } = OrderStatus.Pending;
    /// <summary>The source no longer wants the money (hold lapsed, cancelled): closed at WeChat Pay, refunded if it still arrives.</summary>
    public string? WithdrawnReason { get; private set; }
    public string? PrepayId { get; private set; }
    public string? TradeType { get; private set; }
    public DateTimeOffset? PrepaidAt { get; private set; }
    public string? TransactionId { get; private set; }
    public DateTimeOffset? PaidAt { get; private set; }
    public long RefundedFen { get; private set; }
    /// <summary>What medical insurance pays (统筹 + 个人账户) after a 预结算; the rest, <see cref="PayableFen"/>, goes through WeChat Pay.</summary>
    public long InsuredFen { get; private set; }
    /// <summary>When the query worker next asks WeChat Pay about an order it has heard nothing of.</summary>
    public DateTimeOffset? QueryAfter { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    public static string OutTradeNoOf(Guid id) => id.ToString("N");

    public bool IsOpen => Status == OrderStatus.Pending && WithdrawnReason is null;

    /// <summary>What the patient pays through WeChat Pay: the order less what insurance pays.</summary>
    public long PayableFen => AmountFen - InsuredFen;

    /// <summary>Only before WeChat Pay was asked for the money: its prepay carries the amount and cannot change.</summary>
    public bool CanChangeInsurance => IsOpen && PrepaidAt is null;

    public void UseInsurance(long insuredFen, DateTimeOffset now)
    {
        if (!CanChangeInsurance || insuredFen < 0 || insuredFen > AmountFen)
            throw new InvalidOperationException($"Order {Id} cannot take {insuredFen} fen of insurance now");
        InsuredFen = insuredFen;
        UpdatedAt = now;
    }

    public void DropInsurance(DateTimeOffset now)
    {
        if (!CanChangeInsurance) return;
        InsuredFen = 0;
        UpdatedAt = now;
    }

    /// <summary>Paid in full by insurance (no 自付 part): nothing went through WeChat Pay.</summary>
    public void MarkPaidByInsurance(DateTimeOffset paidAt, DateTimeOffset now)
    {
        Status = OrderStatus.Paid;
        PaidAt = paidAt.ToUniversalTime();
        QueryAfter = null;
        UpdatedAt = now;
    }

    public void Prepaid(string tradeType, string prepayId, DateTimeOffset now, TimeSpan queryAfter)
    {
        TradeType = tradeType;
        PrepayId = prepayId;
        PrepaidAt ??= now;
        QueryAfter = now + queryAfter;
        UpdatedAt = now;
    }

    public void MarkPaid(string transactionId, DateTimeOffset paidAt, DateTimeOffset now)
    {
        Status = OrderStatus.Paid;
        TransactionId = transactionId;
        PaidAt = paidAt.ToUniversalTime(); // WeChat Pay answers in +08:00; PostgreSQL stores UTC only
        QueryAfter = null;
        UpdatedAt = now;
    }

    public void Withdraw(string reason, DateTimeOffset now)
    {
        WithdrawnReason ??= reason;
        // Closed at WeChat Pay by the query worker, which also catches a payment made at the last moment.
        if (Status == OrderStatus.Pending) QueryAfter = now;
        UpdatedAt = now;
    }

    public void Close(DateTimeOffset now)
    {
        Status = OrderStatus.Closed;
        QueryAfter = null;
        UpdatedAt = now;
    }

    public void QueryAgainAt(DateTimeOffset at) => QueryAfter = at;

    public long Refundable => Status == OrderStatus.Paid ? PayableFen - RefundedFen : 0;

    /// <summary>Reserves <paramref name="fen"/> of what was paid for a refund; never more than is left.</summary>
    public Refund? StartRefund(long? fen, string reason, DateTimeOffset now)
    {
        var amount = Math.Min(fen ?? Refundable, Refundable);
        if (amount <= 0) return null;
        RefundedFen += amount;
        UpdatedAt = now;
        return new Refund
        {
            OrderId = Id, AmountFen = amount, Reason = reason, RequestedAt = now, NextAttemptAt = now,
        };
    }

    /// <summary>A refund WeChat Pay refused for good gives its reservation back.</summary>
    public void RefundFailed(long fen, DateTimeOffset now)
    {
        RefundedFen -= fen;
        UpdatedAt = now;
    }
}
