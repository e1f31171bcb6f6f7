namespace Scheduling.API.Domain;

/// <summary>A patient's place in a full session's waitlist (候补), served in join order: a freed unit is offered to the
/// first waiting entry, and passes to the next when the offer lapses or is declined.</summary>
public sealed class WaitlistEntry
{
    public const string Waiting = "waiting";
    public const string Offered = "offered";
    public const string Accepted = "accepted";
    public const string Left = "left";
    public const string Lapsed = "lapsed";
    public const string Declined = "declined";
    public const string Closed = "closed";

    public static readonly string[] Active = [Waiting, Offered];

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid AccountId { get; init; }
    public required Guid PatientId { get; init; }
    public required Guid SessionId { get; init; }
    public required Guid DepartmentId { get; init; }
    public required DateOnly LocalDate { get; init; }
    public required DateTimeOffset JoinedAt { get; init; }
    public string Status { get; private set; } = Waiting;
    public Guid? OfferId { get; private set; }
    public string? ClosedReason { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public uint Version { get; private set; }

    public bool IsActive => Status is Waiting or Offered;

    public void Offer(Guid offerId)
    {
        OfferId = offerId;
        Status = Offered;
    }

    public void End(string status, DateTimeOffset now, string? reason = null)
    {
        Status = status;
        ClosedAt = now;
        ClosedReason = reason;
    }

    public static string TextOf(string status) => status switch
    {
        Waiting => "候补中",
        Offered => "已为您保留号源",
        Accepted => "候补成功",
        Left => "已退出候补",
        Lapsed => "未在时限内确认",
        Declined => "已放弃",
        Closed => "候补已结束",
        _ => status,
    };
}
