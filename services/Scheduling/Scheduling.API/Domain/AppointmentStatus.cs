namespace Scheduling.API.Domain;

public static class AppointmentStatus
{
    public const string Locking = "locking";
    public const string AwaitingPayment = "awaitingPayment";
    public const string Booked = "booked";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
    public const string Expired = "expired";

    /// <summary>Statuses that hold a unit and count towards the one-per-patient-department-day limit.</summary>
    public static readonly string[] Active = [Locking, AwaitingPayment, Booked];

    public const string WaitingForHospital = "等待医院确认";

    public static string TextOf(string status) => status switch
    {
        Locking => "锁号中",
        AwaitingPayment => "待支付",
        Booked => "已预约",
        Failed => "预约失败",
        Cancelled => "已取消",
        Expired => "已过期",
        _ => status,
    };
}
