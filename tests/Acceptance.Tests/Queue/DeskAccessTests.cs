using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Acceptance.Tests.Scheduling;
using Platform.Testing;

namespace Acceptance.Tests.Queue;

/// <summary>A doctor calls only their own clinic: doctor01's token carries its HIS practitioner (prac-029) from Identity,
/// and Queue refuses it another practitioner's clinic with a stable code, leaving the line as it was.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DeskAccessTests
{
    private static readonly HttpClient Http = new() { BaseAddress = new Uri(TestEnvironment.EdgeUrl), Timeout = TimeSpan.FromSeconds(30) };

    [Fact]
    [Trait("Rubric", "R20")]
    public async Task A_doctor_cannot_call_another_doctors_clinic()
    {
        var others = await QueueStack.ClinicAsync("prac-030");
        var family = await SchedulingStack.FamilyAsync(acceptBookingAgreement: false);
        await others.BookAsync(family.SelfId, TimeSpan.FromMinutes(10));
        Assert.Equal(QueueStack.DoctorPractitionerId, Claim(others.DoctorToken, "practitioner_id"));

        foreach (var action in new[] { "call-next", "recall", "skip", "absent" })
        {
            var refused = await SendAsync(others.DoctorToken, HttpMethod.Post, $"/api/queue/queues/{others.QueueId}/{action}");
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("queue_not_yours", problem.GetProperty("code").GetString());
            Assert.Contains("本人出诊", problem.GetProperty("detail").GetString());
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(others.DoctorToken, HttpMethod.Get, $"/api/queue/queues/{others.QueueId}")).StatusCode);

        // Staff still see every desk: nobody was called.
        var staff = await StackTokens.StaffAsync();
        var detail = await (await SendAsync(staff, HttpMethod.Get, $"/api/queue/queues/{others.QueueId}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("queue").GetProperty("callingNumber").ValueKind);
        // And doctor01's list of their own clinics leaves it out.
        var mine = await (await SendAsync(others.DoctorToken, HttpMethod.Get, "/api/queue/queues?mine=true")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.DoesNotContain(mine.EnumerateArray(), q => q.GetProperty("id").GetGuid() == others.QueueId);
    }

    private static async Task<HttpResponseMessage> SendAsync(string token, HttpMethod method, string path)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await Http.SendAsync(request);
    }

    private static string? Claim(string accessToken, string name)
    {
        var payload = accessToken.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
        using var json = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
        return json.RootElement.TryGetProperty(name, out var value) ? value.GetString() : null;
    }
}
