using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Acceptance.Tests.Identity;
using Platform.Testing;

namespace Acceptance.Tests.Convenience;

/// <summary>The Convenience API at the edge, as the provider's staff page and a signed-in patient call it.</summary>
public static class ConvenienceStack
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);
    private static readonly HttpClient Edge = new() { BaseAddress = new Uri(TestEnvironment.EdgeUrl), Timeout = TimeSpan.FromSeconds(30) };

    public static Task<string> StaffAsync() => StackTokens.StaffAsync();

    /// <summary>A fresh patient token for the account (its pid claim then names the 就诊人 added since sign-up).</summary>
    public static async Task<string> PatientTokenAsync(TestAccount account) =>
        (await IdentityApi.SignInAsync(account.Username, account.Password)).AccessToken;

    public static async Task<JsonElement> GetAsync(string token, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await Edge.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<(int Status, JsonElement Body)> SendAsync(string token, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body ?? new { }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await Edge.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public static async Task<JsonElement> StaffPostAsync(string path, object? body = null)
    {
        var (status, answer) = await SendAsync(await StaffAsync(), HttpMethod.Post, path, body);
        Assert.True(status is >= 200 and < 300, $"POST {path}: {status} {answer}");
        return answer;
    }

    public static async Task<JsonElement> StaffItemAsync(string code) =>
        (await GetAsync(await StaffAsync(), "/api/convenience/staff/items")).EnumerateArray().Single(i => i.GetProperty("code").GetString() == code);

    /// <summary>The payment order Convenience asked Payment for (it travels as an event: retry briefly).</summary>
    public static Task<JsonElement> PaymentOrderAsync(string patientToken, Guid sourceId) => Eventually.Until(async () =>
    {
        var list = await GetAsync(patientToken, $"/api/payment/orders?sourceId={sourceId}");
        return list.GetProperty("items").EnumerateArray().FirstOrDefault();
    }, o => o.ValueKind == JsonValueKind.Object, Wait, "the payment order");

    /// <summary>Publishes the HIS adapter's admission event for the patient (ward and bed), as Notification's tests do.</summary>
    public static async Task AdmitAsync(Guid patientId, string ward, string bed)
    {
        var id = Guid.CreateVersion7();
        await Notification.StackBroker.PublishAsync("Platform.Contracts.Inpatient", "PatientAdmittedIntegrationEvent", id, new
        {
            id, occurredAt = DateTimeOffset.UtcNow, patientId, hisEncounterId = $"ACC-CV-{id:N}", ward, bed, admittedAt = DateTimeOffset.UtcNow.AddHours(-1),
        });
    }

    public static string ShanghaiDate(int daysFromToday) =>
        DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddDays(daysFromToday).ToString("yyyy-MM-dd");
}
