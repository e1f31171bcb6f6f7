using System.Text.Json.Serialization;

namespace Platform.WeChat.Pay.Models;

public sealed record RefundRequest
{
    [JsonPropertyName("transaction_id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? TransactionId { get; init; }
    [JsonPropertyName("out_trade_no"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? OutTradeNo { get; init; }
    [JsonPropertyName("out_refund_no")] public required string OutRefundNo { get; init; }
    [JsonPropertyName("reason"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Reason { get; init; }
    [JsonPropertyName("notify_url"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? NotifyUrl { get; init; }
    [JsonPropertyName("amount")] public required RefundRequestAmount Amount { get; init; }
}

public sealed record RefundRequestAmount
{
    /// <summary>Refund in fen; at most the order total minus earlier refunds.</summary>
    [JsonPropertyName("refund")] public required int Refund { get; init; }
    [JsonPropertyName("total")] public required int Total { get; init; }
    [JsonPropertyName("currency")] public string Currency { get; init; } = "CNY";
}

/// <summary>Answer of the refund request and of the refund query.</summary>
public sealed record Refund
{
    [JsonPropertyName("refund_id")] public required string RefundId { get; init; }
    [JsonPropertyName("out_refund_no")] public required string OutRefundNo { get; init; }
    [JsonPropertyName("transaction_id")] public string? TransactionId { get; init; }
    [JsonPropertyName("out_trade_no")] public string? OutTradeNo { get; init; }
    [JsonPropertyName("channel")] public string? Channel { get; init; }
    [JsonPropertyName("user_received_account")] public string? UserReceivedAccount { get; init; }
    [JsonPropertyName("success_time")] public DateTimeOffset? SuccessTime { get; init; }
    [JsonPropertyName("create_time")] public DateTimeOffset? CreateTime { get; init; }
    /// <summary>SUCCESS, CLOSED, PROCESSING or ABNORMAL.</summary>
    [JsonPropertyName("status")] public required string Status { get; init; }
    [JsonPropertyName("amount")] public RefundAmount? Amount { get; init; }
}

public sealed record RefundAmount
{
    [JsonPropertyName("total")] public int Total { get; init; }
    [JsonPropertyName("refund")] public int Refund { get; init; }
    [JsonPropertyName("payer_total")] public int PayerTotal { get; init; }
    [JsonPropertyName("payer_refund")] public int PayerRefund { get; init; }
    [JsonPropertyName("currency")] public string? Currency { get; init; }
}
