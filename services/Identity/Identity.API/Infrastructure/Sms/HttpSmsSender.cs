using System.Net.Http.Json;

namespace Identity.API.Infrastructure.Sms;

/// <summary>POST /sms/send {phone, template, params} with the X-Api-Key header — the provider's (and simulator's) protocol.
/// The client's resilience pipeline holds the deadline (SmsOptions.Timeout) and never repeats the send.</summary>
internal sealed class HttpSmsSender(HttpClient http, SmsOptions options) : ISmsSender
{
    public async Task SendAsync(string phone, string template, IReadOnlyDictionary<string, string> parameters, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "sms/send")
        {
            Content = JsonContent.Create(new { phone, template, @params = parameters }),
        };
        request.Headers.Add("X-Api-Key", options.ApiKey);
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
            throw new SmsDeliveryException($"SMS gateway answered {(int)response.StatusCode}");
    }
}
