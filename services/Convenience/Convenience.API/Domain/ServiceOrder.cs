namespace Convenience.API.Domain;

/// <summary>A patient's order for a catalogue service: what, when, for whom, the fee asked of Payment, and the provider's
/// progress. The mailing contact is personal data and stored encrypted.</summary>
public sealed class ServiceOrder
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AccountId { get; set; }
    public Guid PatientId { get; set; }
    public Guid ItemId { get; set; }
    public required string ItemCode { get; set; }
    public required string ItemName { get; set; }
    public required string Provider { get; set; }
    public int Quantity { get; set; } = 1;
    public long AmountFen { get; set; }
    public DateOnly? ServiceDate { get; set; }
    public Guid? WindowId { get; set; }
    public string? WindowText { get; set; }
    public string? Note { get; set; }
    /// <summary>Ward and bed when ordered for an inpatient (where the meal or caregiver goes).</summary>
    public string? Location { get; set; }
    public EncryptedContact? Contact { get; set; }
    public string Status { get; set; } = ServiceOrderStatus.AwaitingPayment;
    /// <summary>Stock or window place still held by this order (given back once when it is cancelled or refunded).</summary>
    public bool HoldsCapacity { get; set; } = true;
    public string? TrackingNo { get; set; }
    public string? HandledBy { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset PayBy { get; set; }
    public DateTimeOffset? PaidAt { get; set; }
    public List<ServiceOrderStep> Steps { get; set; } = [];
}

public sealed class ServiceOrderStep
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrderId { get; set; }
    public required string Status { get; set; }
    public required string Text { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>Recipient, phone and address as ciphertext (IFieldEncryptor); the district stays plain for service-area checks.</summary>
public sealed class EncryptedContact
{
    public required string NameCipher { get; set; }
    public required string PhoneCipher { get; set; }
    public required string AddressCipher { get; set; }
    public required string District { get; set; }
}

public static class ServiceOrderStatus
{
    public const string AwaitingPayment = "awaiting-payment";
    public const string Paid = "paid";
    public const string Accepted = "accepted";
    public const string Shipped = "shipped";
    public const string Completed = "completed";
    public const string Refunding = "refunding";
    public const string Refunded = "refunded";
    public const string Cancelled = "cancelled";

    public static string TextOf(string status) => status switch
    {
        AwaitingPayment => "待支付", Paid => "已支付，待受理", Accepted => "已受理，服务中", Shipped => "已寄出",
        Completed => "已完成", Refunding => "无法提供服务，退款中", Refunded => "已退款", Cancelled => "已取消", _ => status,
    };

    public static bool IsOpen(string status) => status is AwaitingPayment or Paid or Accepted or Shipped;
}
