using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Payment.API.Application;

/// <summary>Section Payment:Insurance: the 医保移动支付 interface of the national insurance platform.</summary>
public sealed class InsuranceSettings
{
    public string BaseAddress { get; set; } = "http://127.0.0.1:5307/";
    /// <summary>The 医保电子凭证 authorisation page the patient's browser is sent to (defaults to BaseAddress + auth/ec).</summary>
    public string? AuthorizeUrl { get; set; }
    public string AppId { get; set; } = "hospital-jcsy";
    public string AppSecret { get; set; } = "";
    /// <summary>Where the authorisation page sends the patient back: the patient app's public address.</summary>
    public string PatientAppBaseUrl { get; set; } = "http://127.0.0.1:8080";
}

public sealed record InsuredPerson(string InsuredId, string Name, string InsuranceType, long AccountBalanceFen);

public sealed record InsuranceItem(string Code, string Name, string Category, long AmountFen);

public sealed record SplitItem(string Code, string Name, string Category, long AmountFen, long FundPayFen, long AccountPayFen, long SelfPayFen);

public sealed record PreSettlement(string PreSettlementId, string BizNo, string InsuredId, string InsuranceType, DateTimeOffset ExpiresAt,
    IReadOnlyList<SplitItem> Items, long TotalFen, long FundPayFen, long AccountPayFen, long SelfPayFen);

public sealed record Settlement(string SettlementId, string PreSettlementId, string BizNo, string Status, long TotalFen, long FundPayFen,
    long AccountPayFen, long SelfPayFen, DateTimeOffset SettledAt, DateTimeOffset? ReversedAt);

/// <summary>The insurance platform said no (参保状态异常, 预结算已过期, 余额变动, token spent): retrying the same call will
/// not change its answer. <see cref="Code"/> is the platform's.</summary>
public sealed class InsuranceRefusedException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>Calls the 医保移动支付 interface with its HMAC-SHA256 request signature (method, path with query, timestamp,
/// nonce, body). Settling is idempotent by the pre-settlement, reversing by the settlement, so both are safe to repeat.</summary>
public sealed class InsurancePlatform(HttpClient http, IOptions<PaymentOptions> options, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    public string AuthorizeUrl(string redirectUri, string state)
    {
        var settings = options.Value.Insurance;
        var page = settings.AuthorizeUrl ?? new Uri(new Uri(settings.BaseAddress), "auth/ec").ToString();
        return $"{page}?redirect_uri={Uri.EscapeDataString(redirectUri)}&state={Uri.EscapeDataString(state)}";
    }

    public Task<InsuredPerson> VerifyAsync(string ecToken, CancellationToken ct) =>
        SendAsync<InsuredPerson>(HttpMethod.Post, "/api/v1/ec/verify", new { ecToken }, ct);

    public Task<PreSettlement> PreSettleAsync(string bizNo, string insuredId, IReadOnlyList<InsuranceItem> items, CancellationToken ct) =>
        SendAsync<PreSettlement>(HttpMethod.Post, "/api/v1/settlements/pre",
            new { bizNo, insuredId, items, totalFen = items.Sum(i => i.AmountFen) }, ct);

    public Task<Settlement> SettleAsync(string preSettlementId, string? selfPayTransactionId, CancellationToken ct) =>
        SendAsync<Settlement>(HttpMethod.Post, "/api/v1/settlements", new { preSettlementId, selfPayTransactionId }, ct);

    public Task<Settlement> ReverseAsync(string settlementId, string reason, CancellationToken ct) =>
        SendAsync<Settlement>(HttpMethod.Post, $"/api/v1/settlements/{Uri.EscapeDataString(settlementId)}/reverse", new { reason }, ct);

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        var settings = options.Value.Insurance;
        var text = body is null ? "" : JsonSerializer.Serialize(body, Json);
        using var request = HmacSignedRequest.Create(method, settings.BaseAddress, path, text, settings.AppId, settings.AppSecret, clock.GetUtcNow());
        using var response = await http.SendAsync(request, ct);
        var answer = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity)
        {
            var (code, message) = HmacSignedRequest.ErrorOf(answer);
            throw new InsuranceRefusedException(code ?? "REFUSED", message ?? $"医保平台拒绝了请求（{(int)response.StatusCode}）");
        }
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"insurance platform answered {(int)response.StatusCode}: {answer}", null, response.StatusCode);
        return JsonSerializer.Deserialize<T>(answer, Json) ?? throw new HttpRequestException("insurance platform answered nothing");
    }
}
