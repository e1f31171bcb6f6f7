using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Acceptance.Tests.Identity;
using Acceptance.Tests.Scheduling;
using Platform.Testing;
using Xunit;

namespace Acceptance.Tests.Security.AuthorizationMatrix;

/// <summary>The eight callers of the matrix and a few real objects of patient A's, made once through the public APIs at
/// the edge: A's 就诊人 (known at the HIS), an appointment, its registration-fee order, a complaint, a report, an online
/// consultation with doctor01 and a message.
/// B is another patient; the proxy is an account that added A's person as its own 就诊人 after A allowed sharing.</summary>
public sealed class MatrixFixture : IAsyncLifetime
{
    // A configured integration client of the local stack (deploy/local/components.sh), without extra scopes.
    private const string IntegrationClientId = "his-adapter";
    private const string IntegrationClientSecret = "his-adapter-local-secret";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);

    private readonly HisSimulator _his = new();
    private readonly HttpClient _http = new() { BaseAddress = new Uri(TestEnvironment.EdgeUrl), Timeout = TimeSpan.FromSeconds(30) };

    public Dictionary<Role, string?> Tokens { get; } = new();

    /// <summary>Object name (as used in the declarations) → A's real id.</summary>
    public Dictionary<string, string> Objects { get; } = new();

    public async Task InitializeAsync()
    {
        var a = SetUpHisPatientAsync();
        var b = SetUpPatientAsync();
        var staff = Task.WhenAll(
            StackTokens.StaffAsync("doctor01", "Doctor@2026", "doctor"),
            StackTokens.StaffAsync("pharmacist01", "Pharmacist@2026", "doctor"),
            StackTokens.StaffAsync(),
            IntegrationTokenAsync());
        var session = SchedulingStack.FindSessionAsync();
        var (accountA, patientA, nameA, idNumberA, hisA) = await a;
        var (accountB, _, _, _) = await b;
        Objects["patient"] = patientA.ToString();
        Objects["account"] = StackTokens.Subject(accountA.AccessToken).ToString();

        await SchedulingStack.AcceptBookingAgreementAsync(accountA);
        var appointment = await BookAsync(accountA.AccessToken, patientA, await session);
        Objects["appointment"] = appointment.ToString();

        await Task.WhenAll(
            CreateAsync("order", async () =>
            {
                var orders = await Eventually.Until(() => SendAsync(accountA.AccessToken, HttpMethod.Get, $"/api/payment/orders?sourceId={appointment}"),
                    o => o.GetProperty("items").GetArrayLength() > 0, Wait, "A's registration-fee order");
                return orders.GetProperty("items")[0].GetProperty("id").GetString()!;
            }),
            CreateAsync("complaint", async () => (await SendAsync(accountA.AccessToken, HttpMethod.Post,
                $"/api/followup/patients/{patientA}/complaints", new
                {
                    kind = "complaint", category = "医疗质量", departmentName = "内科", visitRef = (string?)null,
                    text = "授权矩阵测试：候诊时间过长", photos = Array.Empty<string>(),
                })).GetProperty("id").GetString()!),
            CreateAsync("report", async () =>
            {
                await _his.AddGlucoseReportAsync(hisA, 5.6m, 1);
                var reports = await Eventually.Until(() => SendAsync(accountA.AccessToken, HttpMethod.Get,
                    $"/api/reports/patients/{patientA}/reports?refresh=true"), r => Items(r).Any(), Wait, "A's report from the HIS");
                return Items(reports).First().GetProperty("id").GetString()!;
            }),
            CreateAsync("consultation", async () =>
            {
                var doctor = await Consultation.ConsultationStack.DoctorAsync(accountA.AccessToken);
                var created = await SendAsync(accountA.AccessToken, HttpMethod.Post, "/api/consultation/consultations",
                    new { patientId = patientA, practitionerId = doctor.PractitionerId, kind = "text", complaint = "授权矩阵测试：咳嗽三天" });
                return created.GetProperty("id").GetString()!;
            }),
            CreateAsync("message", async () => Items(await Eventually.Until(
                () => SendAsync(accountA.AccessToken, HttpMethod.Get, "/api/notification/messages"),
                m => Items(m).Any(), Wait, "a message to A (the booking)")).First().GetProperty("id").GetString()!));

        // The proxy comes last: once another account has added A's person, A's bookings were refused (patient_not_linked)
        // and the HIS adapter stopped finding A's HIS record; objects made before stay A's.
        await SendAsync(accountA.AccessToken, HttpMethod.Put, $"/api/identity/me/patients/{patientA}/sharing", new { allowed = true });
        var proxy = await IdentityApi.RegisterAsync();
        await SendAsync(proxy.AccessToken, HttpMethod.Post, "/api/identity/me/patients",
            new { relation = "parent", name = nameA, idType = "resident_id", idNumber = idNumberA, phone = accountA.Phone, method = "id_card" });
        proxy = await FreshAsync(proxy);

        var tokens = await staff;
        Tokens[Role.Anon] = null;
        Tokens[Role.A] = (await FreshAsync(accountA)).AccessToken;
        Tokens[Role.B] = (await FreshAsync(accountB)).AccessToken;
        Tokens[Role.Proxy] = proxy.AccessToken;
        Tokens[Role.Doctor] = tokens[0];
        Tokens[Role.Pharmacist] = tokens[1];
        Tokens[Role.Staff] = tokens[2];
        Tokens[Role.Integration] = tokens[3];
        // The stack's administrator is the complaints office (the FollowUp journeys make it so too); without it the
        // office's own endpoints answer 403 depending on which tests ran first.
        await FollowUp.FollowUpStack.ComplaintsOfficeAsync(tokens[2]);
    }

    public Task DisposeAsync()
    {
        _http.Dispose();
        _his.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Books any open slot of the session; retried while Scheduling has not yet heard of the patient link or
    /// the agreement (both travel as events).</summary>
    private async Task<Guid> BookAsync(string token, Guid patientId, BookableSession session)
    {
        var slots = await SchedulingStack.SlotsAsync(session);
        var slot = slots.EnumerateArray().First(s => s.GetProperty("status").GetString() == "open" && s.GetProperty("remaining").GetInt32() > 0);
        var booked = await Eventually.Until(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/scheduling/appointments")
            {
                Content = JsonContent.Create(new { slotId = slot.GetProperty("id").GetGuid(), patientId }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            using var response = await _http.SendAsync(request);
            return (response.IsSuccessStatusCode, Text: await response.Content.ReadAsStringAsync());
        }, r => r.IsSuccessStatusCode, Wait, "Scheduling accepting A's booking");
        return JsonDocument.Parse(booked.Text).RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>Objects that could not be made in time are listed, and every cell that needs one fails saying so.</summary>
    public Dictionary<string, string> Unavailable { get; } = new();

    private async Task CreateAsync(string name, Func<Task<string>> create)
    {
        try
        {
            var id = await create();
            lock (Objects) Objects[name] = id;
        }
        catch (Exception e) when (e is TimeoutException or Xunit.Sdk.XunitException or HttpRequestException or KeyNotFoundException)
        {
            lock (Unavailable) Unavailable[name] = e.Message;
        }
    }

    private static IEnumerable<JsonElement> Items(JsonElement list) =>
        list.ValueKind == JsonValueKind.Array ? list.EnumerateArray()
        : list.TryGetProperty("items", out var items) ? items.EnumerateArray() : [];

    private static async Task<(TestAccount Account, Guid Patient, string Name, string IdNumber)> SetUpPatientAsync()
    {
        var account = await IdentityApi.RegisterAsync();
        var (name, idNumber) = (TestPeople.ChineseName(), TestPeople.ResidentId(TestPeople.BornYearsAgo(40)));
        var self = await IdentityApi.AddPatientAsync(account.AccessToken, "self", name, idNumber, account.Phone);
        return (await FreshAsync(account), self.GetProperty("id").GetGuid(), name, idNumber);
    }

    /// <summary>A patient the HIS knows (so A has reports and may consult online), added as A's 本人.</summary>
    private async Task<(TestAccount Account, Guid Patient, string Name, string IdNumber, string HisId)> SetUpHisPatientAsync()
    {
        var account = await IdentityApi.RegisterAsync();
        var (hisId, patientId) = await _his.AddNewPatientAsync(account);
        var (name, idNumber, _) = await _his.PatientAsync(hisId);
        return (await FreshAsync(account), patientId, name, idNumber, hisId);
    }

    /// <summary>Signed in again, so the token lists the 就诊人 added since.</summary>
    private static async Task<TestAccount> FreshAsync(TestAccount account)
    {
        var (access, refresh) = await IdentityApi.SignInAsync(account.Username, account.Password);
        return account with { AccessToken = access, RefreshToken = refresh };
    }

    private async Task<string> IntegrationTokenAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/identity/connect/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{IntegrationClientId}:{IntegrationClientSecret}")));
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, $"集成客户端取令牌失败：{body}");
        return body.GetProperty("access_token").GetString()!;
    }

    private async Task<(bool Ok, JsonElement Body)> TrySendAsync(string token, HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.IsSuccessStatusCode, text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default);
    }

    private async Task<JsonElement> SendAsync(string token, HttpMethod method, string path, object? body = null)
    {
        var (ok, json) = await TrySendAsync(token, method, path, body);
        Assert.True(ok, $"{method} {path} 失败：{json}");
        return json;
    }
}
