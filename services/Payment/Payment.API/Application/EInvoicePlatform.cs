using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Payment.API.Application;

/// <summary>Section Payment:EInvoice: the 财政电子票据 platform the hospital issues medical e-receipts through.</summary>
public sealed class EInvoiceSettings
{
    public string BaseAddress { get; set; } = "http://127.0.0.1:5306/";
    public string AppId { get; set; } = "hospital-jcsy";
    public string AppSecret { get; set; } = "";
}

public sealed record EInvoiceItem(string Name, long AmountFen, int Quantity);

public sealed record EInvoiceRequest(string BizNo, string PayerName, string PayerPartyType, string Category, IReadOnlyList<EInvoiceItem> Items,
    long TotalFen, DateTimeOffset PaidAt, string PayChannel, string TransactionId);

public sealed record IssuedEInvoice(string InvoiceNo, string InvoiceCode, string CheckCode, DateTimeOffset IssuedAt, string Status,
    string? PdfUrl, string? VerifyUrl);

/// <summary>The platform refused for good (e.g. 开票失败：纳税人信息不完整); retrying will not help, staff must look.</summary>
public sealed class EInvoiceRefusedException(string message) : Exception(message);

/// <summary>Calls the e-invoice platform with its HMAC-SHA256 request signature (method, path, timestamp, nonce, body).</summary>
public sealed class EInvoicePlatform(HttpClient http, IOptions<PaymentOptions> options, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    public Task<IssuedEInvoice> IssueAsync(EInvoiceRequest request, CancellationToken ct) =>
        SendAsync<IssuedEInvoice>(HttpMethod.Post, "/api/v1/invoices", JsonSerializer.Serialize(request, Json), null, ct);

    public Task<IssuedEInvoice> ReverseAsync(string code, string number, string reason, long fen, Guid requestId, CancellationToken ct) =>
        SendAsync<IssuedEInvoice>(HttpMethod.Post, $"/api/v1/invoices/{code}/{number}/reverse",
            JsonSerializer.Serialize(new { reason, amountFen = fen }, Json), requestId.ToString("N"), ct);

    public async Task<Stream> PdfAsync(string code, string number, CancellationToken ct)
    {
        var response = await RawAsync(HttpMethod.Get, $"/api/v1/invoices/{code}/{number}/pdf", "", null, ct);
        if (!response.IsSuccessStatusCode)
        {
            response.Dispose();
            throw new HttpRequestException($"e-invoice PDF answered {(int)response.StatusCode}", null, response.StatusCode);
        }
        return await response.Content.ReadAsStreamAsync(ct);
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string path, string body, string? requestId, CancellationToken ct)
    {
        using var response = await RawAsync(method, path, body, requestId, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode is HttpStatusCode.UnprocessableEntity or HttpStatusCode.Conflict or HttpStatusCode.BadRequest)
            throw new EInvoiceRefusedException(HmacSignedRequest.ErrorOf(text).Message ?? $"电子票据平台拒绝开具（{(int)response.StatusCode}）");
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"e-invoice platform answered {(int)response.StatusCode}: {text}", null, response.StatusCode);
        return JsonSerializer.Deserialize<T>(text, Json) ?? throw new HttpRequestException("e-invoice platform answered nothing");
    }

    private async Task<HttpResponseMessage> RawAsync(HttpMethod method, string path, string body, string? requestId, CancellationToken ct)
    {
        var settings = options.Value.EInvoice;
        var request = HmacSignedRequest.Create(method, settings.BaseAddress, path, body, settings.AppId, settings.AppSecret, clock.GetUtcNow());
        if (requestId is not null) request.Headers.Add("X-Request-Id", requestId);
        return await http.SendAsync(request, ct);
    }
}
