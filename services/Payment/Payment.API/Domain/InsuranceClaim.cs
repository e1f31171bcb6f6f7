namespace Payment.API.Domain;

/// <summary>One item of a bill as the insurance split it: 统筹 (fund) + 个人账户 (account) + 自付 (self) = amount, to the fen.</summary>
public sealed record InsuranceLine(string ChargeId, string Code, string Name, string Category, long AmountFen, long FundPayFen,
    long AccountPayFen, long SelfPayFen);

/// <summary>Paying part of an order through medical insurance (医保移动支付): the patient's 医保电子凭证 authorises it
/// (<see cref="StateHash"/> ties the authorisation to the account and order that asked for it), a 预结算 splits the bill,
/// the patient pays the 自付 part through WeChat Pay, and then the 结算 is made. A refund reverses the 结算.</summary>
public sealed class InsuranceClaim
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid OrderId { get; init; }
    public required Guid AccountId { get; init; }
    /// <summary>SHA-256 of the state sent to the 医保电子凭证 page: the answer must come back to the account that asked.</summary>
    public required string StateHash { get; init; }
    public required DateTimeOffset AuthorizeBefore { get; init; }
    public string Status { get; private set; } = InsuranceStatus.Authorizing;
    public string? InsuredId { get; private set; }
    /// <summary>As the insurance platform shows it (张*), for the page; never the full name.</summary>
    public string? InsuredName { get; private set; }
    public string? InsuranceType { get; private set; }
    public string? PreSettlementId { get; private set; }
    public DateTimeOffset? PreSettlementExpiresAt { get; private set; }
    public long TotalFen { get; private set; }
    public long FundPayFen { get; private set; }
    public long AccountPayFen { get; private set; }
    public long SelfPayFen { get; private set; }
    public List<InsuranceLine> Lines { get; private set; } = [];
    public string? SettlementId { get; private set; }
    public DateTimeOffset? SettledAt { get; private set; }
    public DateTimeOffset? ReversedAt { get; private set; }
    public string? FailureReason { get; private set; }
    /// <summary>When the insurance worker next tries to settle or reverse (null: nothing to do).</summary>
    public DateTimeOffset? NextAttemptAt { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    public long InsuredFen => FundPayFen + AccountPayFen;

    public void PreSettled(string insuredId, string name, string type, string preSettlementId, DateTimeOffset expiresAt,
        IReadOnlyList<InsuranceLine> lines, DateTimeOffset now)
    {
        InsuredId = insuredId;
        InsuredName = name;
        InsuranceType = type;
        PreSettlementId = preSettlementId;
        PreSettlementExpiresAt = expiresAt;
        Lines = [.. lines];
        TotalFen = lines.Sum(l => l.AmountFen);
        FundPayFen = lines.Sum(l => l.FundPayFen);
        AccountPayFen = lines.Sum(l => l.AccountPayFen);
        SelfPayFen = lines.Sum(l => l.SelfPayFen);
        Status = InsuranceStatus.PreSettled;
        UpdatedAt = now;
    }

    /// <summary>The 自付 part is in (or there is none): the 结算 is made by the worker, outside any transaction.</summary>
    public void Settle(DateTimeOffset now)
    {
        if (Status != InsuranceStatus.PreSettled) return;
        Status = InsuranceStatus.Settling;
        NextAttemptAt = now;
        UpdatedAt = now;
    }

    public void Settled(string settlementId, DateTimeOffset at, DateTimeOffset now)
    {
        Status = InsuranceStatus.Settled;
        SettlementId = settlementId;
        SettledAt = at.ToUniversalTime();
        NextAttemptAt = null;
        UpdatedAt = now;
    }

    public void Fail(string reason, DateTimeOffset now)
    {
        Status = InsuranceStatus.Failed;
        FailureReason = reason.Length <= 300 ? reason : reason[..300];
        NextAttemptAt = null;
        UpdatedAt = now;
    }

    /// <summary>The patient chose another way (or authorised again) before anything was settled: nothing to undo.</summary>
    public void Abandon(DateTimeOffset now)
    {
        if (Status is not (InsuranceStatus.Authorizing or InsuranceStatus.PreSettled)) return;
        Status = InsuranceStatus.Abandoned;
        UpdatedAt = now;
    }

    public void Reverse(DateTimeOffset now)
    {
        if (Status != InsuranceStatus.Settled) return;
        Status = InsuranceStatus.Reversing;
        NextAttemptAt = now;
        UpdatedAt = now;
    }

    public void Reversed(DateTimeOffset at, DateTimeOffset now)
    {
        Status = InsuranceStatus.Reversed;
        ReversedAt = at.ToUniversalTime();
        NextAttemptAt = null;
        UpdatedAt = now;
    }

    public void RetryAt(DateTimeOffset at)
    {
        Attempts++;
        NextAttemptAt = at;
    }
}

public static class InsuranceStatus
{
    public const string Authorizing = "authorizing";
    public const string PreSettled = "preSettled";
    public const string Settling = "settling";
    public const string Settled = "settled";
    public const string Failed = "failed";
    public const string Abandoned = "abandoned";
    public const string Reversing = "reversing";
    public const string Reversed = "reversed";

    public static string TextOf(string status) => status switch
    {
        Authorizing => "等待医保授权",
        PreSettled => "医保预结算完成，待支付自付部分",
        Settling => "医保结算中",
        Settled => "医保已结算",
        Failed => "医保结算未成功",
        Abandoned => "已改用其他方式",
        Reversing => "医保退费中",
        Reversed => "医保已退费",
        _ => status,
    };
}
