using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Scheduling.Tests;

public sealed class IdempotencyTests(SchedulingFixture f) : IClassFixture<SchedulingFixture>
{
    [Fact]
    public async Task The_same_key_and_body_answer_the_first_booking_again_even_when_sent_together()
    {
        var clinic = await f.World.ClinicAsync();
        var slotId = await f.World.SlotAsync(clinic, SchedulingWorld.Local(f.World.Today.AddDays(1), 10), units: 3);
        var patient = await f.World.PatientAsync();
        const string key = "double-tap-0001";

        var together = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => SchedulingWorld.BookAsync(patient.Client, slotId, patient.PatientId, key)));
        var again = await SchedulingWorld.BookAsync(patient.Client, slotId, patient.PatientId, key);

        Assert.All(together.Append(again), r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        var ids = await Task.WhenAll(together.Append(again).Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid()));
        Assert.Single(ids.Distinct());
        Assert.Equal(1, await f.World.CountAsync($"SELECT count(*) FROM appointments WHERE patient_id = '{patient.PatientId}'"));
        Assert.Equal(1, await f.World.CountAsync($"SELECT count(*) FROM slot_units WHERE slot_id = '{slotId}' AND held_by IS NOT NULL"));
    }

    [Fact]
    public async Task A_key_reused_for_another_request_is_refused_and_books_nothing()
    {
        var clinic = await f.World.ClinicAsync();
        var first = await f.World.SlotAsync(clinic, SchedulingWorld.Local(f.World.Today.AddDays(1), 8), units: 2);
        var patient = await f.World.PatientAsync();
        Assert.Equal(HttpStatusCode.Accepted, (await SchedulingWorld.BookAsync(patient.Client, first, patient.PatientId, "reused-key-01")).StatusCode);
        var other = await f.World.PatientAsync();

        var reused = await SchedulingWorld.BookAsync(patient.Client, first, Guid.NewGuid(), "reused-key-01");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal("idempotency_key_reused", await SchedulingWorld.CodeAsync(reused));
        Assert.Equal(1, await f.World.CountAsync($"SELECT count(*) FROM appointments WHERE account_id = '{patient.AccountId}'"));
        // Keys belong to an account: another account may use the same one.
        Assert.Equal(HttpStatusCode.Accepted, (await SchedulingWorld.BookAsync(other.Client, first, other.PatientId, "reused-key-01")).StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("short")]
    public async Task A_booking_without_a_proper_key_is_refused(string? key)
    {
        var patient = await f.World.PatientAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/scheduling/appointments")
        {
            Content = JsonContent.Create(new { slotId = Guid.NewGuid(), patientId = patient.PatientId }),
        };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        var response = await patient.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("validation_failed", await SchedulingWorld.CodeAsync(response));
    }

    [Fact]
    public async Task One_patient_books_one_slot_per_department_per_day()
    {
        var clinic = await f.World.ClinicAsync();
        var day = f.World.Today.AddDays(2);
        var windows = await f.World.ScheduleDayAsync(clinic, day,
            [.. SchedulingWorld.Units(clinic, SchedulingWorld.Local(day, 8), 2), .. SchedulingWorld.Units(clinic, SchedulingWorld.Local(day, 8, 15), 2)]);
        var next = await f.World.SlotAsync(clinic, SchedulingWorld.Local(day.AddDays(1), 8), units: 1);
        var patient = await f.World.PatientAsync();

        Assert.Equal(HttpStatusCode.Accepted, (await SchedulingWorld.BookAsync(patient.Client, windows[0].GetProperty("id").GetGuid(), patient.PatientId)).StatusCode);
        var second = await SchedulingWorld.BookAsync(patient.Client, windows[1].GetProperty("id").GetGuid(), patient.PatientId);

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("already_booked", await SchedulingWorld.CodeAsync(second));
        Assert.Equal(1, await f.World.CountAsync($"SELECT count(*) FROM appointments WHERE patient_id = '{patient.PatientId}'"));
        Assert.Equal(0, await f.World.CountAsync($"SELECT count(*) FROM slot_units WHERE slot_id = '{windows[1].GetProperty("id").GetGuid()}' AND held_by IS NOT NULL"));
        Assert.Equal(HttpStatusCode.Accepted, (await SchedulingWorld.BookAsync(patient.Client, next, patient.PatientId)).StatusCode);
    }
}
