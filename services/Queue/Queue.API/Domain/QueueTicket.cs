namespace Queue.API.Domain;

public static class TicketStatus
{
    public const string Waiting = "waiting";
    public const string Called = "called";
    public const string Done = "done";
    public const string Absent = "absent";
    public const string Withdrawn = "withdrawn";

    public static string TextOf(string status) => status switch
    {
        Waiting => "候诊中",
        Called => "请就诊",
        Done => "已就诊",
        Absent => "过号未到",
        Withdrawn => "已取消",
        _ => status,
    };
}

/// <summary>A checked-in patient's place in a queue. The line is ordered by <see cref="OrderAt"/> then
/// <see cref="OrderTie"/>: the appointment time and the check-in time, until a skip moves the ticket back.</summary>
public sealed class QueueTicket
{
    public required Guid Id { get; init; }
    public required Guid QueueId { get; init; }
    public required Guid AppointmentId { get; init; }
    public required Guid PatientId { get; init; }
    public required int Number { get; init; }
    public required DateTimeOffset AppointmentStartsAt { get; init; }
    public required DateTimeOffset CheckedInAt { get; init; }
    public required DateTimeOffset OrderAt { get; set; }
    public required DateTimeOffset OrderTie { get; set; }
    public string Status { get; set; } = TicketStatus.Waiting;
    public DateTimeOffset? CalledAt { get; set; }
    public int CallCount { get; set; }
    public int SkipCount { get; set; }
    public bool NearNoticeSent { get; set; }

    public bool IsActive => Status is TicketStatus.Waiting or TicketStatus.Called;
}
