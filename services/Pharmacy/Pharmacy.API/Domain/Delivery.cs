namespace Pharmacy.API.Domain;

/// <summary>A medicine delivery (R33): the patient's order for some prescriptions, the fee paid through Payment, the
/// pharmacist's release, the courier's waybill and its progress.</summary>
public sealed class DeliveryOrder
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AccountId { get; set; }
    public Guid PatientId { get; set; }
    public List<Guid> PrescriptionIds { get; set; } = [];
    public List<string> DrugNames { get; set; } = [];
    public bool ColdChain { get; set; }
    /// <summary>Recipient, phone and street address, sealed by <see cref="Application.DeliveryContacts"/>: personal data
    /// is never stored in clear. Province, city and district stay clear: they decide coverage and cold chain.</summary>
    public required string ContactCipher { get; set; }
    public required string Province { get; set; }
    public required string City { get; set; }
    public required string District { get; set; }
    public long FeeFen { get; set; }
    public string Status { get; set; } = DeliveryStatus.AwaitingPayment;
    public string? WaybillNo { get; set; }
    /// <summary>The courier's sequence number of the last status applied: an older event never moves the order back.</summary>
    public int CourierSequence { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset PayBy { get; set; }
    public DateTimeOffset? PaidAt { get; set; }
    public string? ReleasedBy { get; set; }
    public DateTimeOffset? ReleasedAt { get; set; }
    /// <summary>The waybill worker's lease: the courier call happens outside any transaction.</summary>
    public DateTimeOffset? WaybillLeaseUntil { get; set; }
    public int WaybillAttempts { get; set; }
    public List<DeliveryStep> Steps { get; set; } = [];
    /// <summary>PostgreSQL's xmin: a payment and the unpaid-order expiry never both win.</summary>
    public uint Version { get; private set; }
}

public sealed class DeliveryStep
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid DeliveryId { get; set; }
    public required string Status { get; set; }
    public required string Text { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>The courier's event id: a replayed callback finds it and changes nothing.</summary>
    public string? CourierEventId { get; set; }
}

public static class DeliveryStatus
{
    public const string AwaitingPayment = "awaiting-payment";
    public const string Paid = "paid";
    public const string Packed = "packed";
    public const string HandedOver = "handed-over";
    public const string InTransit = "in-transit";
    public const string Delivered = "delivered";
    public const string Lost = "lost";
    public const string Cancelled = "cancelled";

    public static string TextOf(string status) => status switch
    {
        AwaitingPayment => "待支付配送费", Paid => "待药师审核", Packed => "药师已审核，已打包", HandedOver => "已交快递员",
        InTransit => "运输中", Delivered => "已签收", Lost => "包裹丢失，配送费已退回", Cancelled => "已取消", _ => status,
    };

    /// <summary>Progress order: a courier event only ever moves an order forward.</summary>
    public static int Rank(string status) => status switch
    {
        AwaitingPayment => 0, Paid => 1, Packed => 2, HandedOver => 3, InTransit => 4, Delivered => 5, Lost => 5, Cancelled => 6, _ => -1,
    };
}

/// <summary>An address the account saved for deliveries.</summary>
public sealed class DeliveryAddress
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AccountId { get; set; }
    /// <summary>Sealed like <see cref="DeliveryOrder.ContactCipher"/>.</summary>
    public required string ContactCipher { get; set; }
    public required string Province { get; set; }
    public required string City { get; set; }
    public required string District { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>Who receives a parcel and where: the personal part of an address.</summary>
public sealed record DeliveryContact(string Recipient, string Phone, string AddressLine);
