using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using HisAdapter.API.Infrastructure;
using Npgsql;
using Platform.Testing;

namespace FollowUp.Tests;

/// <summary>FollowUp with the real chain behind its reads of diagnoses: the HIS simulator (its seeded patients have ICD-10
/// Conditions), the HIS adapter (own database, patients linked as registration would link them) and an Identity stub
/// that issues the service token.</summary>
public sealed class HisFollowUpFixture : FollowUpFixture
{
    public SimulatorProcess His { get; private set; } = null!;
    public TestDatabase AdapterDatabase { get; private set; } = null!;
    public IdentityStub Identity { get; } = new();
    public ServiceFactory<HisAdapterDbContext> Adapter { get; private set; } = null!;

    protected override async Task<IReadOnlyDictionary<string, string>> StartUpstreamAsync()
    {
        His = await SimulatorProcess.StartAsync("His", new Dictionary<string, string> { ["HIS_RETRY_BASE_MS"] = "50" }, TimeSpan.FromSeconds(90));
        AdapterDatabase = await TestDatabase.CreateAsync("followup_his");
        var adapterPort = LoopbackPorts.Free();
        var adapterUrl = $"http://127.0.0.1:{adapterPort}";
        Adapter = ServiceFactory<HisAdapterDbContext>.Create("hisadapterdb", AdapterDatabase, VirtualHost.AmqpUri, new Dictionary<string, string>
        {
            ["His:BaseUrl"] = $"{His.BaseUrl}/fhir",
            ["His:TokenUrl"] = $"{His.BaseUrl}/auth/token",
            ["His:ClientId"] = "platform",
            ["His:ClientSecret"] = "platform-secret",
            ["His:CallbackBaseUrl"] = adapterUrl,
            ["His:SyncInterval"] = "01:00:00",
            ["His:SlotDays"] = "1",
        }.Concat(Identity.Settings).ToDictionary());
        Adapter.UseKestrel(adapterPort);
        Adapter.StartServer();
        return new Dictionary<string, string> { ["Endpoints:his"] = adapterUrl }.Concat(Identity.Settings).ToDictionary();
    }

    /// <summary>Links a new platform patient to the HIS patient, as the adapter does when the patient registers.</summary>
    public async Task<Guid> LinkAsync(string hisPatientId)
    {
        var patientId = Guid.CreateVersion7();
        await using var conn = new NpgsqlConnection(AdapterDatabase.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("INSERT INTO patient_links (patient_id, his_patient_id, linked_at) VALUES (@p, @h, now())", conn);
        cmd.Parameters.AddWithValue("p", patientId);
        cmd.Parameters.AddWithValue("h", hisPatientId);
        await cmd.ExecuteNonQueryAsync();
        return patientId;
    }

    /// <summary>Every seeded Condition as (HIS patient, ICD-10 code, text, clinical status), read from the simulator itself.</summary>
    public async Task<List<(string Patient, string Code, string Text, string Status)>> SeededConditionsAsync()
    {
        var bundle = await HisFhirAsync(HttpMethod.Get, "Condition?_count=1000");
        return bundle.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource"))
            .Select(r => (
                r.GetProperty("subject").GetProperty("reference").GetString()!.Replace("Patient/", ""),
                r.GetProperty("code").GetProperty("coding")[0].GetProperty("code").GetString()!,
                r.GetProperty("code").GetProperty("text").GetString() ?? "",
                r.TryGetProperty("clinicalStatus", out var s) ? s.GetProperty("coding")[0].GetProperty("code").GetString()! : "unknown"))
            .ToList();
    }

    /// <summary>Records a diagnosis in the HIS, as a doctor there would.</summary>
    public Task AddConditionAsync(string hisPatientId, string icd10, string text, string clinicalStatus) =>
        HisFhirAsync(HttpMethod.Post, "Condition", JsonSerializer.Serialize(new
        {
            resourceType = "Condition",
            clinicalStatus = new { coding = new[] { new { system = "http://terminology.hl7.org/CodeSystem/condition-clinical", code = clinicalStatus } } },
            code = new { coding = new[] { new { system = "http://hl7.org/fhir/sid/icd-10", code = icd10, display = text } }, text },
            subject = new { reference = $"Patient/{hisPatientId}" },
            recordedDate = DateTimeOffset.UtcNow.AddYears(-2).ToString("yyyy-MM-dd"),
        }));

    private async Task<JsonElement> HisFhirAsync(HttpMethod method, string path, string? body = null)
    {
        using var token = await His.Http.PostAsync("auth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "platform", ["client_secret"] = "platform-secret",
        }));
        token.EnsureSuccessStatusCode();
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        using var request = new HttpRequestMessage(method, $"fhir/{path}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        if (body is not null) request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/fhir+json");
        using var response = await His.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"HIS simulator {method} {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Adapter.DisposeAsync();
        await His.DisposeAsync();
        await Identity.DisposeAsync();
        await AdapterDatabase.DisposeAsync();
    }
}
