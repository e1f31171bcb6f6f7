using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Polly;

namespace Platform.ServiceDefaults.Sms;

/// <summary>The SMS provider's HTTP protocol: <c>POST /sms/send {phone, template, params}</c> with <c>X-Api-Key</c>;
/// 200 with a messageId when accepted. The simulator in tests/Simulators/Sms speaks the same.</summary>
internal sealed class HttpSmsSender(HttpClient http, SmsOptions options, ILogger<HttpSmsSender> logger) : ISmsSender
{
    public async Task<SmsSendResult> SendAsync(string phone, string template, IReadOnlyDictionary<string, string> parameters,
        CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "sms/send")
        {
            Content = JsonContent.Create(new { phone, template, @params = parameters }, options: JsonSerializerOptions.Web),
        };
        request.Headers.Add("X-Api-Key", options.ApiKey);
        try
        {
            using var response = await http.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            if (response.IsSuccessStatusCode) return SmsSendResult.Ok(MessageIdOf(body));
            var error = $"HTTP {(int)response.StatusCode} {Truncate(body)}";
            // Throttling and server faults pass; a refused request (bad key, phone or template) will not.
            var transient = response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout
                || (int)response.StatusCode >= 500;
            logger.LogWarning("SMS provider answered {Status}", (int)response.StatusCode);
            return transient ? SmsSendResult.Transient(error) : SmsSendResult.Rejected(error);
        }
        catch (Exception e) when (e is HttpRequestException or ExecutionRejectedException
                                       || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            return SmsSendResult.Transient(e.GetType().Name + ": " + e.Message);
        }
    }

    private static string? MessageIdOf(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.TryGetProperty("messageId", out var id) ? id.ToString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Truncate(string s) => s.Length > 200 ? s[..200] : s;
}
