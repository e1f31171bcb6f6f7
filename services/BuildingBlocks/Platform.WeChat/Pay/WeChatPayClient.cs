using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.WeChat.Pay.Models;

namespace Platform.WeChat.Pay;

/// <summary>WeChat Pay APIv3 for JSAPI (in-WeChat H5) payments: every request signed, every answer verified.</summary>
public sealed class WeChatPayClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly WeChatPayOptions _options;
    private readonly TimeProvider _clock;
    private readonly Uri _base;

    public WeChatPayClient(HttpClient http, WeChatPayOptions options, TimeProvider? clock = null)
    {
        _http = http;
        _options = options;
        _clock = clock ?? TimeProvider.System;
        _base = options.BaseAddress.AbsoluteUri.EndsWith('/') ? options.BaseAddress : new Uri(options.BaseAddress.AbsoluteUri + "/");
        Signer = new WeChatPaySigner(options.MchId, options.MerchantSerialNo, options.MerchantPrivateKeyPem);
        Verifier = new WeChatPayVerifier(options.PlatformPublicKeysPem, options.MaxClockSkew, _clock);
    }

    public WeChatPaySigner Signer { get; }
    public WeChatPayVerifier Verifier { get; }

    public async Task<JsapiPrepayResult> PrepayJsapiAsync(JsapiOrder order, CancellationToken ct = default)
    {
        if (order.AmountFen <= 0) throw new ArgumentOutOfRangeException(nameof(order), "Amount must be a positive number of fen.");
        var request = new JsapiPrepayRequest
        {
            AppId = order.AppId ?? _options.AppId,
            MchId = _options.MchId,
            Description = order.Description,
            OutTradeNo = order.OutTradeNo,
            TimeExpire = TimeExpireOf(order.ExpiresAt),
            Attach = order.Attach,
            NotifyUrl = order.NotifyUrl,
            Amount = new OrderAmount { Total = order.AmountFen },
            Payer = new Payer { OpenId = order.PayerOpenId },
        };
        var text = await SendAsync(HttpMethod.Post, "/v3/pay/transactions/jsapi", JsonSerializer.Serialize(request), ct);
        return Parse<JsapiPrepayResult>(text, "prepay");
    }

    /// <summary>Native (扫码) payment for a browser outside WeChat: the code_url is shown as a QR code.</summary>
    public async Task<string> PrepayNativeAsync(NativeOrder order, CancellationToken ct = default)
    {
        if (order.AmountFen <= 0) throw new ArgumentOutOfRangeException(nameof(order), "Amount must be a positive number of fen.");
        var request = new NativePrepayRequest
        {
            AppId = _options.AppId,
            MchId = _options.MchId,
            Description = order.Description,
            OutTradeNo = order.OutTradeNo,
            TimeExpire = TimeExpireOf(order.ExpiresAt),
            Attach = order.Attach,
            NotifyUrl = order.NotifyUrl,
            Amount = new OrderAmount { Total = order.AmountFen },
        };
        var text = await SendAsync(HttpMethod.Post, "/v3/pay/transactions/native", JsonSerializer.Serialize(request), ct);
        return Parse<NativePrepayResult>(text, "native prepay").CodeUrl;
    }

    /// <summary>The signed parameters for getBrandWCPayRequest (H5) or wx.requestPayment (mini-program, <paramref name="appId"/>
    /// its appid): the appid signed must be the one the order was placed with.</summary>
    public JsapiPayParameters CreateJsapiPayParameters(string prepayId, string? appId = null) =>
        Signer.CreateJsapiPayParameters(appId ?? _options.AppId, prepayId, _clock.GetUtcNow().ToUnixTimeSeconds(), WeChatPaySigner.NewNonce());

    public async Task<Transaction> QueryByOutTradeNoAsync(string outTradeNo, CancellationToken ct = default)
    {
        var url = $"/v3/pay/transactions/out-trade-no/{Uri.EscapeDataString(outTradeNo)}?mchid={Uri.EscapeDataString(_options.MchId)}";
        return Parse<Transaction>(await SendAsync(HttpMethod.Get, url, "", ct), "query");
    }

    /// <summary>Closes an unpaid order; WeChat answers 204 No Content.</summary>
    public async Task CloseAsync(string outTradeNo, CancellationToken ct = default)
    {
        var body = new JsonObject { ["mchid"] = _options.MchId }.ToJsonString();
        await SendAsync(HttpMethod.Post, $"/v3/pay/transactions/out-trade-no/{Uri.EscapeDataString(outTradeNo)}/close", body, ct);
    }

    public async Task<Refund> RefundAsync(RefundRequest request, CancellationToken ct = default)
    {
        if (request.TransactionId is null && request.OutTradeNo is null)
            throw new ArgumentException("A refund names the order by transaction_id or out_trade_no.", nameof(request));
        if (request.Amount.Refund <= 0 || request.Amount.Refund > request.Amount.Total)
            throw new ArgumentOutOfRangeException(nameof(request), "Refund must be between 1 fen and the order total.");
        var text = await SendAsync(HttpMethod.Post, "/v3/refund/domestic/refunds", JsonSerializer.Serialize(request), ct);
        return Parse<Refund>(text, "refund");
    }

    public async Task<Refund> QueryRefundAsync(string outRefundNo, CancellationToken ct = default) =>
        Parse<Refund>(await SendAsync(HttpMethod.Get, $"/v3/refund/domestic/refunds/{Uri.EscapeDataString(outRefundNo)}", "", ct), "refund query");

    /// <summary>The day's trade bill (Asia/Shanghai date) as WeChat Pay's CSV text, its SHA1 checked; null when WeChat
    /// Pay has no statement for a day without trades (NO_STATEMENT_EXIST).</summary>
    public async Task<string?> DownloadTradeBillAsync(DateOnly billDate, CancellationToken ct = default)
    {
        TradeBill bill;
        try
        {
            var url = $"/v3/bill/tradebill?bill_date={billDate:yyyy-MM-dd}&bill_type=ALL";
            bill = Parse<TradeBill>(await SendAsync(HttpMethod.Get, url, "", ct), "tradebill");
        }
        catch (WeChatPayApiException e) when (e.Code == "NO_STATEMENT_EXIST")
        {
            return null;
        }
        var download = new Uri(bill.DownloadUrl);
        using var request = new HttpRequestMessage(HttpMethod.Get, download);
        request.Headers.TryAddWithoutValidation("Authorization", Signer.CreateAuthorization("GET", download.PathAndQuery, "",
            _clock.GetUtcNow().ToUnixTimeSeconds(), WeChatPaySigner.NewNonce()));
        using var response = await _http.SendAsync(request, ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(ct);
        if (!response.IsSuccessStatusCode)
            throw ToApiException(response.StatusCode, Encoding.UTF8.GetString(bytes), "tradebill download");
        // The file itself is not signed: its hash, from the signed answer above, vouches for it.
        var hash = Convert.ToHexString(System.Security.Cryptography.SHA1.HashData(bytes));
        if (!string.Equals(hash, bill.HashValue, StringComparison.OrdinalIgnoreCase))
            throw new WeChatPayApiException(HttpStatusCode.OK, "HASH_MISMATCH", "trade bill does not match its SHA1", "tradebill download");
        return Encoding.UTF8.GetString(bytes);
    }

    private static string? TimeExpireOf(DateTimeOffset? at) =>
        at?.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private async Task<string> SendAsync(HttpMethod method, string apiPath, string body, CancellationToken ct)
    {
        var uri = new Uri(_base, apiPath.TrimStart('/'));
        using var request = new HttpRequestMessage(method, uri);
        // The signature covers the path exactly as sent, including any prefix in a simulator's base address.
        var authorization = Signer.CreateAuthorization(method.Method, uri.PathAndQuery, body,
            _clock.GetUtcNow().ToUnixTimeSeconds(), WeChatPaySigner.NewNonce());
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        request.Headers.Accept.ParseAdd("application/json");
        if (method != HttpMethod.Get)
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await _http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
            throw ToApiException(response.StatusCode, text, apiPath);

        Verifier.Verify(WeChatPaySignatureHeaders.From(name =>
            response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null), text);
        return text;
    }

    private static WeChatPayApiException ToApiException(HttpStatusCode status, string text, string api)
    {
        try
        {
            var json = JsonNode.Parse(text);
            return new WeChatPayApiException(status, json?["code"]?.GetValue<string>() ?? "UNKNOWN",
                json?["message"]?.GetValue<string>() ?? "", api);
        }
        catch (JsonException)
        {
            return new WeChatPayApiException(status, "UNKNOWN", "non-JSON error body", api);
        }
    }

    private static T Parse<T>(string text, string api) =>
        JsonSerializer.Deserialize<T>(text) ?? throw new WeChatPayApiException(HttpStatusCode.OK, "EMPTY", "empty response", api);

    public void Dispose()
    {
        Signer.Dispose();
        Verifier.Dispose();
    }
}
