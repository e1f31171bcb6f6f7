namespace Convenience.API.Domain;

/// <summary>医护到家: a nurse's or doctor's visit at the patient's home, paid online, assigned by staff, tracked on the
/// day, and closed with a record of what was done. The address and phone are stored encrypted.</summary>
public sealed class HomeVisit
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AccountId { get; set; }
    public Guid PatientId { get; set; }
    public required string ServiceCode { get; set; }
    public required string ServiceName { get; set; }
    public long AmountFen { get; set; }
    public DateOnly VisitDate { get; set; }
    /// <summary>morning (08:00-12:00) or afternoon (14:00-18:00).</summary>
    public required string HalfDay { get; set; }
    public required EncryptedContact Contact { get; set; }
    /// <summary>The hospital order the visit carries out (医嘱/处方号): injections and catheter care need one.</summary>
    public string? OrderReference { get; set; }
    public string? Condition { get; set; }
    public string Status { get; set; } = HomeVisitStatus.AwaitingPayment;
    public string? NurseName { get; set; }
    public string? NursePhoneCipher { get; set; }
    public string? AssignedBy { get; set; }
    public string? Record { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset PayBy { get; set; }
    public DateTimeOffset? PaidAt { get; set; }
    public List<HomeVisitStep> Steps { get; set; } = [];
}

public sealed class HomeVisitStep
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid VisitId { get; set; }
    public required string Status { get; set; }
    public required string Text { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset At { get; set; }
}

public static class HomeVisitStatus
{
    public const string AwaitingPayment = "awaiting-payment";
    public const string Paid = "paid";
    public const string Assigned = "assigned";
    public const string OnTheWay = "on-the-way";
    public const string Arrived = "arrived";
    public const string Completed = "completed";
    public const string Refunding = "refunding";
    public const string Refunded = "refunded";
    public const string Cancelled = "cancelled";

    public static string TextOf(string status) => status switch
    {
        AwaitingPayment => "待支付", Paid => "已支付，待派护士", Assigned => "已派护士", OnTheWay => "护士已出发", Arrived => "护士已到达",
        Completed => "服务已完成", Refunding => "无法上门，退款中", Refunded => "已退款", Cancelled => "已取消", _ => status,
    };

    /// <summary>The day's progress goes forward only.</summary>
    public static int Rank(string status) => status switch
    {
        AwaitingPayment => 0, Paid => 1, Assigned => 2, OnTheWay => 3, Arrived => 4, Completed => 5, _ => -1,
    };
}

/// <summary>The home services offered, with price and what makes a patient eligible.</summary>
public sealed record HomeService(string Code, string Name, long PriceFen, bool NeedsOrderReference, string Eligibility)
{
    public static readonly IReadOnlyList<HomeService> All =
    [
        new("injection", "上门注射", 8000, true, "须持本院医嘱或处方（填写处方号）；首次使用的药物须在医院注射观察，不能上门注射"),
        new("wound-care", "伤口换药", 10000, false, "适用于术后或慢性伤口换药；伤口有活动性出血、高热时请到急诊"),
        new("catheter-care", "导管护理（PICC/尿管/胃管）", 15000, true, "须填写置管医嘱号；导管脱出或堵塞请到急诊"),
        new("blood-draw", "上门采血", 6000, false, "按本院检验医嘱采血，标本由护士送回检验科"),
        new("doctor-visit", "医生上门巡诊", 30000, false, "适用于行动不便的慢病、术后或高龄患者"),
    ];

    public static HomeService? Find(string? code) => All.FirstOrDefault(s => s.Code == code);
}
