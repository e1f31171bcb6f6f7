using Platform.ServiceDefaults.Http;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Identity.API.Infrastructure.RealName;

/// <summary>Speaks the authority's protocol: JSON body signed with HMAC-SHA256 in <c>X-Signature</c>, answer
/// <c>{result:"match"|"mismatch", requestId}</c>. Throttling, server errors and timeouts are retried by the client's
/// standard resilience pipeline (see Extensions), then reported as <see cref="RealNameOutcome.Unavailable"/> — never as
/// a mismatch, which would wrongly blame the patient.</summary>
internal sealed class HttpRealNameVerifier(HttpClient http, RealNameOptions options, ILogger<HttpRealNameVerifier> logger) : IRealNameVerifier
{
    public async Task<RealNameResult> VerifyAsync(RealNameCheck check, CancellationToken ct)
    {
        var (path, body) = check.Kind switch
        {
            RealNameCheckKind.IdCard => ("verify/id-card", (object)new { name = check.Name, idNumber = check.IdNumber }),
            RealNameCheckKind.BankCard => ("verify/bank-card",
                new { name = check.Name, idNumber = check.IdNumber, cardNumber = check.CardNumber, phone = check.Phone }),
            _ => ("verify/social-security", new { name = check.Name, idNumber = check.IdNumber, cardNumber = check.CardNumber }),
        };
        var raw = JsonSerializer.Serialize(body);
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.Secret), Encoding.UTF8.GetBytes(raw)));
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(raw, Encoding.UTF8, "application/json") };
            request.Headers.Add("X-Signature", signature);
            using var response = await http.SendAsync(request, ct);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                logger.LogWarning("Real-name verification answered {Status} for a {Kind} check", (int)response.StatusCode, check.Kind);
                return new RealNameResult(RealNameOutcome.Unavailable);
            }
            var answer = await response.Content.ReadFromJsonAsync<VerifyAnswer>(ct);
            return answer?.Result switch
            {
                "match" => new RealNameResult(RealNameOutcome.Match, answer.RequestId),
                "mismatch" => new RealNameResult(RealNameOutcome.Mismatch, answer.RequestId),
                _ => new RealNameResult(RealNameOutcome.Unavailable),
            };
        }
        catch (Exception e) when (HttpFailures.IsTransient(e) || e is JsonException
                                       || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            logger.LogWarning("Real-name verification unavailable for a {Kind} check: {Error}", check.Kind, e.GetType().Name);
            return new RealNameResult(RealNameOutcome.Unavailable);
        }
    }

    private sealed record VerifyAnswer(string? Result, string? RequestId);
}
