using System.Text.Json.Serialization;

namespace Platform.WeChat.Pay.Models;

/// <summary>The body WeChat Pay POSTs to notify_url; the business data is in the encrypted resource.</summary>
public sealed record PayNotification
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("create_time")] public DateTimeOffset CreateTime { get; init; }
    /// <summary>TRANSACTION.SUCCESS, REFUND.SUCCESS, REFUND.ABNORMAL, REFUND.CLOSED.</summary>
    [JsonPropertyName("event_type")] public required string EventType { get; init; }
    [JsonPropertyName("resource_type")] public string? ResourceType { get; init; }
    [JsonPropertyName("summary")] public string? Summary { get; init; }
    [JsonPropertyName("resource")] public required EncryptedResource Resource { get; init; }
}

public sealed record EncryptedResource
{
    /// <summary>Always AEAD_AES_256_GCM in APIv3.</summary>
    [JsonPropertyName("algorithm")] public required string Algorithm { get; init; }
    [JsonPropertyName("ciphertext")] public required string Ciphertext { get; init; }
    [JsonPropertyName("associated_data")] public string? AssociatedData { get; init; }
    [JsonPropertyName("original_type")] public string? OriginalType { get; init; }
    [JsonPropertyName("nonce")] public required string Nonce { get; init; }
}

/// <summary>Decrypted resource of a REFUND.* notification.</summary>
public sealed record RefundNotificationResource
{
    [JsonPropertyName("mchid")] public string? MchId { get; init; }
    [JsonPropertyName("out_trade_no")] public required string OutTradeNo { get; init; }
    [JsonPropertyName("transaction_id")] public string? TransactionId { get; init; }
    [JsonPropertyName("out_refund_no")] public required string OutRefundNo { get; init; }
    [JsonPropertyName("refund_id")] public required string RefundId { get; init; }
    [JsonPropertyName("refund_status")] public required string RefundStatus { get; init; }
    [JsonPropertyName("success_time")] public DateTimeOffset? SuccessTime { get; init; }
    [JsonPropertyName("user_received_account")] public string? UserReceivedAccount { get; init; }
    [JsonPropertyName("amount")] public RefundAmount? Amount { get; init; }
}

/// <summary>A notification whose signature was checked and whose resource was decrypted.</summary>
public sealed record VerifiedNotification<T>(PayNotification Envelope, T Resource);
