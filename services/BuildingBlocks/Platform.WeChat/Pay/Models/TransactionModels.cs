using System.Text.Json.Serialization;

namespace Platform.WeChat.Pay.Models;

/// <summary>What the Payment service knows about an order; the client adds appid and mchid. <paramref name="AppId"/> is
/// the app the payer pays in when it is not the merchant's default one (a mini-program bound to the same merchant);
/// the payer's openid must belong to that app.</summary>
public sealed record JsapiOrder(
    string Description,
    string OutTradeNo,
    int AmountFen,
    string PayerOpenId,
    string NotifyUrl,
    DateTimeOffset? ExpiresAt = null,
    string? Attach = null,
    string? AppId = null);

public sealed record JsapiPrepayRequest
{
    [JsonPropertyName("appid")] public required string AppId { get; init; }
    [JsonPropertyName("mchid")] public required string MchId { get; init; }
    [JsonPropertyName("description")] public required string Description { get; init; }
    [JsonPropertyName("out_trade_no")] public required string OutTradeNo { get; init; }
    [JsonPropertyName("time_expire"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? TimeExpire { get; init; }
    [JsonPropertyName("attach"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Attach { get; init; }
    [JsonPropertyName("notify_url")] public required string NotifyUrl { get; init; }
    [JsonPropertyName("amount")] public required OrderAmount Amount { get; init; }
    [JsonPropertyName("payer")] public required Payer Payer { get; init; }
}

public sealed record OrderAmount
{
    /// <summary>In fen (分).</summary>
    [JsonPropertyName("total")] public required int Total { get; init; }
    [JsonPropertyName("currency")] public string Currency { get; init; } = "CNY";
}

public sealed record Payer
{
    [JsonPropertyName("openid")] public required string OpenId { get; init; }
}

public sealed record JsapiPrepayResult
{
    [JsonPropertyName("prepay_id")] public required string PrepayId { get; init; }
}

/// <summary>The object H5 passes to getBrandWCPayRequest; property names are exactly what WeixinJSBridge expects.</summary>
public sealed record JsapiPayParameters(
    [property: JsonPropertyName("appId")] string AppId,
    [property: JsonPropertyName("timeStamp")] string TimeStamp,
    [property: JsonPropertyName("nonceStr")] string NonceStr,
    [property: JsonPropertyName("package")] string Package,
    [property: JsonPropertyName("signType")] string SignType,
    [property: JsonPropertyName("paySign")] string PaySign);

/// <summary>Answer of the order query, and the decrypted resource of a TRANSACTION.SUCCESS notification.</summary>
public sealed record Transaction
{
    [JsonPropertyName("appid")] public string? AppId { get; init; }
    [JsonPropertyName("mchid")] public string? MchId { get; init; }
    [JsonPropertyName("out_trade_no")] public required string OutTradeNo { get; init; }
    [JsonPropertyName("transaction_id")] public string? TransactionId { get; init; }
    [JsonPropertyName("trade_type")] public string? TradeType { get; init; }
    /// <summary>SUCCESS, REFUND, NOTPAY, CLOSED, REVOKED, USERPAYING or PAYERROR.</summary>
    [JsonPropertyName("trade_state")] public required string TradeState { get; init; }
    [JsonPropertyName("trade_state_desc")] public string? TradeStateDesc { get; init; }
    [JsonPropertyName("bank_type")] public string? BankType { get; init; }
    [JsonPropertyName("attach")] public string? Attach { get; init; }
    [JsonPropertyName("success_time")] public DateTimeOffset? SuccessTime { get; init; }
    [JsonPropertyName("payer")] public Payer? Payer { get; init; }
    [JsonPropertyName("amount")] public TransactionAmount? Amount { get; init; }

    public bool IsPaid => TradeState == "SUCCESS";
}

public sealed record TransactionAmount
{
    [JsonPropertyName("total")] public int Total { get; init; }
    [JsonPropertyName("payer_total")] public int PayerTotal { get; init; }
    [JsonPropertyName("currency")] public string? Currency { get; init; }
    [JsonPropertyName("payer_currency")] public string? PayerCurrency { get; init; }
}

public sealed record NativeOrder(
    string Description,
    string OutTradeNo,
    int AmountFen,
    string NotifyUrl,
    DateTimeOffset? ExpiresAt = null,
    string? Attach = null);

public sealed record NativePrepayRequest
{
    [JsonPropertyName("appid")] public required string AppId { get; init; }
    [JsonPropertyName("mchid")] public required string MchId { get; init; }
    [JsonPropertyName("description")] public required string Description { get; init; }
    [JsonPropertyName("out_trade_no")] public required string OutTradeNo { get; init; }
    [JsonPropertyName("time_expire"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? TimeExpire { get; init; }
    [JsonPropertyName("attach"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Attach { get; init; }
    [JsonPropertyName("notify_url")] public required string NotifyUrl { get; init; }
    [JsonPropertyName("amount")] public required OrderAmount Amount { get; init; }
}

public sealed record NativePrepayResult
{
    [JsonPropertyName("code_url")] public required string CodeUrl { get; init; }
}

public sealed record TradeBill
{
    [JsonPropertyName("hash_type")] public string? HashType { get; init; }
    [JsonPropertyName("hash_value")] public required string HashValue { get; init; }
    [JsonPropertyName("download_url")] public required string DownloadUrl { get; init; }
}
