using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.ServiceDefaults.Auth;

namespace Queue.Tests;

/// <summary>A doctor runs only their own clinic: the queue's practitioner (the session's, or the one staff assigned) must be
/// the account's <c>practitioner_id</c>. Anyone else is refused with a stable code and the line is left as it was.</summary>
public sealed class DeskAccessTests(QueueFixture fixture) : IClassFixture<QueueFixture>
{
    private static readonly string[] Actions = ["call-next", "recall", "skip", "absent"];

    [Fact]
    public async Task Another_doctor_can_neither_see_nor_run_the_clinic_and_nothing_changes()
    {
        var clinic = new Clinic(fixture);
        var patient = await clinic.BookAsync(TimeSpan.FromMinutes(10));
        await patient.CheckInAsync();
        var stranger = fixture.DoctorClient("prac-someone-else");
        var unlinked = fixture.DoctorClient(null);

        foreach (var (doctor, code) in new[] { (stranger, "queue_not_yours"), (unlinked, "practitioner_not_linked") })
        {
            foreach (var action in Actions)
                await AssertRefusedAsync(await doctor.PostAsync($"/api/queue/queues/{clinic.QueueId}/{action}", null), code);
            await AssertRefusedAsync(await doctor.GetAsync($"/api/queue/queues/{clinic.QueueId}"), code);
            await AssertRefusedAsync(await doctor.GetAsync($"/api/queue/queues/{clinic.QueueId}/check-in-code"), code);
        }

        var detail = await clinic.Doctor.GetFromJsonAsync<JsonElement>($"/api/queue/queues/{clinic.QueueId}");
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("queue").GetProperty("callingNumber").ValueKind);
        Assert.Equal([1], await clinic.WaitingNumbersAsync());
        Assert.Equal("waiting", (await patient.MineAsync()).GetProperty("status").GetString());

        // The clinic's own doctor still calls.
        Assert.Equal(1, (await clinic.ActAsync("call-next")).GetProperty("queue").GetProperty("callingNumber").GetInt32());
    }

    [Fact]
    public async Task A_doctor_lists_their_own_clinics_and_staff_can_hand_a_clinic_to_a_substitute()
    {
        var clinic = new Clinic(fixture);
        var patient = await clinic.BookAsync(TimeSpan.FromMinutes(10));
        await patient.CheckInAsync();
        var other = new Clinic(fixture);
        await other.BookAsync(TimeSpan.FromMinutes(20));

        var mine = await clinic.Doctor.GetFromJsonAsync<JsonElement>("/api/queue/queues?mine=true");
        Assert.Equal([clinic.QueueId], mine.EnumerateArray().Select(q => q.GetProperty("id").GetGuid()));
        var all = await clinic.Doctor.GetFromJsonAsync<JsonElement>("/api/queue/queues");
        Assert.True(all.EnumerateArray().Single(q => q.GetProperty("id").GetGuid() == clinic.QueueId).GetProperty("mine").GetBoolean());
        Assert.False(all.EnumerateArray().Single(q => q.GetProperty("id").GetGuid() == other.QueueId).GetProperty("mine").GetBoolean());

        // Staff see every desk and code as before, but do not call; they may hand the clinic to a substitute.
        var staff = fixture.Client(PlatformRoles.Staff, Guid.NewGuid().ToString(), "门诊办");
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/api/queue/queues/{clinic.QueueId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/api/queue/queues/{clinic.QueueId}/check-in-code")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync($"/api/queue/queues/{clinic.QueueId}/call-next", null)).StatusCode);
        var substitute = fixture.DoctorClient("prac-substitute");
        await AssertRefusedAsync(await substitute.PostAsync($"/api/queue/queues/{clinic.QueueId}/call-next", null), "queue_not_yours");
        Assert.Equal(HttpStatusCode.Forbidden, (await clinic.Doctor.PutAsJsonAsync($"/api/queue/queues/{clinic.QueueId}/practitioner",
            new { practitionerId = "prac-substitute" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.PutAsJsonAsync($"/api/queue/queues/{clinic.QueueId}/practitioner",
            new { practitionerId = "prac-substitute" })).StatusCode);

        var called = await substitute.PostAsync($"/api/queue/queues/{clinic.QueueId}/call-next", null);
        Assert.True(called.IsSuccessStatusCode, await called.Content.ReadAsStringAsync());
        await AssertRefusedAsync(await clinic.Doctor.PostAsync($"/api/queue/queues/{clinic.QueueId}/recall", null), "queue_not_yours");
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", problem.GetProperty("detail").GetString() ?? problem.GetProperty("title").GetString());
    }
}
