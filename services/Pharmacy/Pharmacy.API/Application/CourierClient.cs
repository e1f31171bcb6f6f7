using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Pharmacy.API.Domain;
using Pharmacy.API.Extensions;

namespace Pharmacy.API.Application;

public sealed class CourierRefusedException(string message) : Exception(message);

/// <summary>The courier platform (快递开放平台): creates a waybill for a packed delivery. The same order id always gets
/// the same waybill (the platform deduplicates on orderId), so a retried call after a timeout is safe.</summary>
public sealed class CourierClient(HttpClient http, DeliveryContacts contacts, IOptions<PharmacyOptions> options, TimeProvider clock)
{
    public async Task<string> CreateWaybillAsync(DeliveryOrder order, CancellationToken ct)
    {
        var settings = options.Value.Courier;
        var contact = contacts.Open(order);
        var body = JsonSerializer.Serialize(new
        {
            orderId = order.Id.ToString("N"),
            coldChain = order.ColdChain,
            callbackUrl = settings.CallbackUrl,
            receiver = new { name = contact.Recipient, phone = contact.Phone, province = order.Province, city = order.City, district = order.District, address = contact.AddressLine },
            sender = new { name = "江城市第一人民医院药房", phone = "02788886666", address = "湖北省江城市江岸区解放大道1号" },
            goods = new { name = "药品", count = order.DrugNames.Count },
        });
        using var request = CourierSignature.Create(HttpMethod.Post, "/api/waybills", body, settings.AppId, settings.AppSecret, clock.GetUtcNow());
        using var response = await http.SendAsync(request, ct);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        if ((int)response.StatusCode is >= 400 and < 500)
            throw new CourierRefusedException(answer.TryGetProperty("message", out var m) ? m.GetString() ?? "" : response.StatusCode.ToString());
        response.EnsureSuccessStatusCode();
        return answer.GetProperty("waybillNo").GetString() ?? throw new InvalidOperationException("courier answered without a waybillNo");
    }
}
