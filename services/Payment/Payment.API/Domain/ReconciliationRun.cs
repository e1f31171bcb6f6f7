namespace Payment.API.Domain;

/// <summary>One day's comparison of our paid orders and refunds with WeChat Pay's trade bill (Asia/Shanghai day).</summary>
public sealed class ReconciliationRun
{
    public const string Matched = "matched";
    public const string Differences = "differences";
    public const string Failed = "failed";

    public required DateOnly BillDate { get; init; }
    public string Status { get; set; } = Failed;
    public int OurCount { get; set; }
    public int TheirCount { get; set; }
    public long OurTotalFen { get; set; }
    public long TheirTotalFen { get; set; }
    public int DifferenceCount { get; set; }
    public string? Failure { get; set; }
    public DateTimeOffset RanAt { get; set; }
}
