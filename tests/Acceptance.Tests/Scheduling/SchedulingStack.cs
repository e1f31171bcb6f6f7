using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Acceptance.Tests.Identity;
using Platform.Testing;

namespace Acceptance.Tests.Scheduling;

public sealed record BookableSession(Guid DepartmentId, string DepartmentCode, string Campus, int SlotMinutes, string Date,
    Guid SessionId, string DoctorName);

public sealed record Family(TestAccount Account, Guid SelfId, Guid ParentId, string ParentName);

/// <summary>What the Scheduling tests set up through the public APIs at the edge: a family account that accepted the
/// booking agreement, a released session with room in it, bookings made directly, and HIS simulator slowness.</summary>
public static class SchedulingStack
{
    private static readonly HttpClient Http = new() { BaseAddress = new Uri(TestEnvironment.EdgeUrl), Timeout = TimeSpan.FromSeconds(30) };

    private static string HisSimUrl => Environment.GetEnvironmentVariable("PLATFORM_HIS_SIM_URL") is { Length: > 0 } v
        ? v.TrimEnd('/') : "http://127.0.0.1:5301";

    /// <summary>An account with 本人 and a parent as 就诊人, and the booking agreement accepted (R10).</summary>
    public static async Task<Family> FamilyAsync(bool acceptBookingAgreement = true)
    {
        var account = await IdentityApi.RegisterAsync();
        var self = await IdentityApi.AddPatientAsync(account.AccessToken, "self", TestPeople.ChineseName(),
            TestPeople.ResidentId(TestPeople.BornYearsAgo(38)), account.Phone);
        var parentName = TestPeople.ChineseName();
        var parent = await IdentityApi.AddPatientAsync(account.AccessToken, "parent", parentName,
            TestPeople.ResidentId(TestPeople.BornYearsAgo(67)), TestPeople.Phone());
        if (acceptBookingAgreement) await AcceptBookingAgreementAsync(account);
        return new Family(account, self.GetProperty("id").GetGuid(), parent.GetProperty("id").GetGuid(), parentName);
    }

    public static async Task AcceptBookingAgreementAsync(TestAccount account)
    {
        var agreement = await Http.GetFromJsonAsync<JsonElement>("/api/identity/agreements/booking/current");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/identity/me/agreements")
        {
            Content = JsonContent.Create(new { kind = "booking", version = agreement.GetProperty("version").GetString() }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", account.AccessToken);
        var response = await Http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"同意预约协议失败：{await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>A released session from tomorrow on (so cancel and stop stay possible) with at least
    /// <paramref name="minRemaining"/> free, in a department with <paramref name="slotMinutes"/>-minute windows when given.</summary>
    public static async Task<BookableSession> FindSessionAsync(int minRemaining = 1, int? slotMinutes = null) =>
        await Eventually.Until(async () =>
        {
            var departments = await Http.GetFromJsonAsync<JsonElement>("/api/scheduling/departments");
            var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);
            foreach (var dept in departments.EnumerateArray()
                         .Where(d => slotMinutes is null || d.GetProperty("slotMinutes").GetInt32() == slotMinutes)
                         .OrderBy(_ => Random.Shared.Next()))
            {
                var id = dept.GetProperty("id").GetGuid();
                var schedule = await Http.GetFromJsonAsync<JsonElement>($"/api/scheduling/schedule?departmentId={id}&days=14");
                foreach (var day in schedule.GetProperty("days").EnumerateArray())
                {
                    var date = day.GetProperty("date").GetString()!;
                    if (!day.GetProperty("released").GetBoolean() || DateOnly.Parse(date) <= today) continue;
                    var session = day.GetProperty("sessions").EnumerateArray().FirstOrDefault(s =>
                        s.GetProperty("status").GetString() == "open" && s.GetProperty("remaining").GetInt32() >= minRemaining);
                    if (session.ValueKind == JsonValueKind.Object)
                        return new BookableSession(id, dept.GetProperty("code").GetString()!, dept.GetProperty("campus").GetString()!,
                            dept.GetProperty("slotMinutes").GetInt32(), date, session.GetProperty("id").GetGuid(),
                            session.GetProperty("doctorName").GetString()!);
                }
            }
            return null;
        }, s => s is not null, TimeSpan.FromSeconds(90), "a released session with free slots (HIS sync into Scheduling)") ?? throw new InvalidOperationException();

    public static async Task<JsonElement> SlotsAsync(BookableSession s) =>
        await Http.GetFromJsonAsync<JsonElement>($"/api/scheduling/slots?departmentId={s.DepartmentId}&date={s.Date}&sessionId={s.SessionId}");

    /// <summary>Books through the API (for tests whose subject is a later step); retried while Scheduling has not yet
    /// heard of the patient link or the agreement (both travel as events).</summary>
    public static async Task<Guid> BookAsync(TestAccount account, Guid patientId, BookableSession session)
    {
        var slots = await SlotsAsync(session);
        var slot = slots.EnumerateArray().First(s => s.GetProperty("status").GetString() == "open" && s.GetProperty("remaining").GetInt32() > 0);
        var key = Guid.NewGuid().ToString();
        var body = await Eventually.Until(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/scheduling/appointments")
            {
                Content = JsonContent.Create(new { slotId = slot.GetProperty("id").GetGuid(), patientId }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", account.AccessToken);
            request.Headers.Add("Idempotency-Key", key);
            var response = await Http.SendAsync(request);
            var json = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (!response.IsSuccessStatusCode) key = Guid.NewGuid().ToString(); // a refusal ends that attempt
            return response.IsSuccessStatusCode ? json : (JsonElement?)null;
        }, b => b is not null, TimeSpan.FromSeconds(30), "Scheduling accepting the booking (patient link and agreement known)");
        return body!.Value.GetProperty("id").GetGuid();
    }

    /// <summary>Books and pays the registration fee (at the WeChat Pay simulator, without the pages): 已预约.</summary>
    public static async Task<Guid> BookAndPayAsync(TestAccount account, Guid patientId, BookableSession session)
    {
        var id = await BookAsync(account, patientId, session);
        await Payment.WeChatPaySimulator.PayRegistrationAsync(account.AccessToken, id);
        await Eventually.Until(async () => (await AppointmentAsync(account, id)).GetProperty("status").GetString(),
            s => s == "booked", TimeSpan.FromSeconds(60), "the paid appointment 已预约");
        return id;
    }

    public static async Task<JsonElement> AppointmentAsync(TestAccount account, Guid id) =>
        await IdentityApi.GetAsync(account.AccessToken, $"/api/scheduling/appointments/{id}");

    /// <summary>A call through the edge that must succeed (staff actions, a patient's own steps); its JSON answer.</summary>
    public static async Task<JsonElement> SendAsync(string token, HttpMethod method, string path, object? body = null,
        string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path} 失败：{(int)response.StatusCode} {text}");
        return text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default;
    }

    /// <summary>Holds (or lets go) every write the HIS receives: a booking stays 锁号中 exactly until the test lets go.</summary>
    public static async Task HoldHisWritesAsync(bool hold)
    {
        using var http = new HttpClient { BaseAddress = new Uri(HisSimUrl) };
        (await http.PostAsJsonAsync("/$sim/faults", new { holdWrites = hold })).EnsureSuccessStatusCode();
    }
}
