using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Acceptance.Tests.Identity;
using Platform.Testing;

namespace Acceptance.Tests;

/// <summary>The HIS simulator read as its own FHIR client, as the HisAdapter tests do, and its seeded patients added to
/// an account (the real-name authority knows them, the HIS adapter links them by ID number).</summary>
public sealed class HisSimulator : IDisposable
{
    private readonly HttpClient http = new()
    {
        BaseAddress = new Uri(Environment.GetEnvironmentVariable("PLATFORM_HIS_SIM_URL") is { Length: > 0 } v ? v.TrimEnd('/') : "http://127.0.0.1:5301"),
        Timeout = TimeSpan.FromSeconds(30),
    };

    private static readonly HttpClient Edge = new() { BaseAddress = new Uri(TestEnvironment.EdgeUrl), Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Adds, as 本人, the first adult seeded patient (pat-0001 … pat-<paramref name="upTo"/>) that
    /// <paramref name="wanted"/> accepts and that no other account has yet.</summary>
    public async Task<(string HisId, Guid PatientId)> AddSeededPatientAsync(TestAccount account, int upTo, Func<string, Task<bool>> wanted)
    {
        for (var n = 1; n <= upTo; n++)
        {
            var hisId = $"pat-{n:D4}";
            if (!await wanted(hisId)) continue;
            var (name, idNumber, born) = await PatientAsync(hisId);
            if (born > DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-18)) continue; // a child is added by a guardian, not as 本人
            await Simulators.AddPersonAsync(name, idNumber);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/identity/me/patients")
            {
                Content = JsonContent.Create(new { relation = "self", name, idType = "resident_id", idNumber, phone = TestPeople.Phone(), method = "id_card" }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", account.AccessToken);
            var response = await Edge.SendAsync(request);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (response.IsSuccessStatusCode) return (hisId, body.GetProperty("id").GetGuid());
            Assert.True(body.TryGetProperty("code", out var code) && code.GetString() == "already_bound", $"添加就诊人失败：{body}");
        }
        throw new InvalidOperationException("HIS 种子中合适的患者都已被其他账号绑定：请 ./platform down 后重新 up");
    }

    public async Task<(string Name, string IdNumber, DateOnly BirthDate)> PatientAsync(string hisId)
    {
        var patient = await FhirAsync($"Patient/{hisId}");
        var idNumber = patient.GetProperty("identifier").EnumerateArray()
            .First(i => i.GetProperty("system").GetString() == "urn:oid:2.16.156.10011.1.2").GetProperty("value").GetString()!;
        return (patient.GetProperty("name")[0].GetProperty("text").GetString()!, idNumber,
            DateOnly.Parse(patient.GetProperty("birthDate").GetString()!, CultureInfo.InvariantCulture));
    }

    public async Task<int> ActiveOrdersAsync(string hisId)
    {
        var bundle = await FhirAsync($"ServiceRequest?subject=Patient/{hisId}&status=active&_count=50");
        return bundle.TryGetProperty("entry", out var entries) ? entries.GetArrayLength() : 0;
    }

    public async Task<JsonElement> AppointmentAsync(Guid platformId)
    {
        var bundle = await FhirAsync($"Appointment?identifier=http://platform.jcsy.example/sid/appointment|{platformId}");
        return bundle.GetProperty("entry")[0].GetProperty("resource");
    }

    /// <summary>The resources of a search, or none.</summary>
    public async Task<List<JsonElement>> SearchAsync(string query)
    {
        var bundle = await FhirAsync(query);
        return bundle.TryGetProperty("entry", out var entries) ? entries.EnumerateArray().Select(e => e.GetProperty("resource")).ToList() : [];
    }

    public async Task<JsonElement> FhirAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/fhir/{path}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync());
        var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"HIS {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<string> TokenAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/auth/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("platform:platform-secret")));
        var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    public void Dispose() => http.Dispose();
}
