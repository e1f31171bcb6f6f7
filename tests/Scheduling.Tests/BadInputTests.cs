using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Scheduling.Tests;

/// <summary>Each refusal is a problem document with a stable code, and nothing changes.</summary>
public sealed class BadInputTests(SchedulingFixture f) : IClassFixture<SchedulingFixture>
{
    private Task<long> AppointmentsAsync() => f.World.CountAsync("SELECT count(*) FROM appointments");
    private Task<long> HeldAsync() => f.World.CountAsync("SELECT count(*) FROM slot_units WHERE held_by IS NOT NULL");

    private async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string code, long appointments, long held)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, await SchedulingWorld.CodeAsync(response));
        Assert.Equal(appointments, await AppointmentsAsync());
        Assert.Equal(held, await HeldAsync());
    }

    [Fact]
    public async Task A_slot_that_has_started_cannot_be_booked()
    {
        var clinic = await f.World.ClinicAsync();
        var slotId = await f.World.SlotAsync(clinic, SchedulingWorld.Local(f.World.Today.AddDays(-1), 9), units: 1);
        var patient = await f.World.PatientAsync();
        var (before, held) = (await AppointmentsAsync(), await HeldAsync());
        await AssertRefusedAsync(await SchedulingWorld.BookAsync(patient.Client, slotId, patient.PatientId), HttpStatusCode.UnprocessableEntity,
            "slot_past", before, held);
    }

    [Fact]
    public async Task Day_eight_opens_at_seven_in_the_morning_of_day_one()
    {
        var clinic = await f.World.ClinicAsync();
        var today = f.World.Today;
        var slotId = await f.World.SlotAsync(clinic, SchedulingWorld.Local(today.AddDays(8), 9), units: 1);
        var patient = await f.World.PatientAsync();
        var (before, held) = (await AppointmentsAsync(), await HeldAsync());
        await AssertRefusedAsync(await SchedulingWorld.BookAsync(patient.Client, slotId, patient.PatientId), HttpStatusCode.UnprocessableEntity,
            "slot_not_released", before, held);
        var schedule = await f.Service.CreateClient().GetFromJsonAsync<JsonElement>($"/api/scheduling/schedule?departmentId={clinic.DepartmentId}&days=14");
        Assert.Equal("07:00", schedule.GetProperty("releaseTime").GetString());
        var day8 = schedule.GetProperty("days").EnumerateArray().Single(d => d.GetProperty("date").GetString() == today.AddDays(8).ToString("yyyy-MM-dd"));
        Assert.False(day8.GetProperty("released").GetBoolean());
        Assert.Equal(SchedulingWorld.Local(today.AddDays(1), 7), day8.GetProperty("releasesAt").GetDateTimeOffset());
        Assert.Equal("notReleased", day8.GetProperty("sessions")[0].GetProperty("status").GetString());

        f.Clock.Offset = SchedulingWorld.Local(today.AddDays(1), 7) - f.Clock.GetUtcNow() + f.Clock.Offset + TimeSpan.FromSeconds(1);
        try
        {
            Assert.Equal(HttpStatusCode.Accepted, (await SchedulingWorld.BookAsync(patient.Client, slotId, patient.PatientId)).StatusCode);
        }
        finally
        {
            f.Clock.Offset = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task Another_accounts_appointment_is_not_found_and_stays_as_it_was()
    {
        var clinic = await f.World.ClinicAsync();
        var slotId = await f.World.SlotAsync(clinic, SchedulingWorld.Local(f.World.Today.AddDays(1), 11), units: 1);
        var (owner, stranger) = (await f.World.PatientAsync(), await f.World.PatientAsync());
        var id = (await f.World.BookedAsync(owner, slotId)).GetProperty("id").GetGuid();
        var (before, held) = (await AppointmentsAsync(), await HeldAsync());

        await AssertRefusedAsync(await stranger.Client.GetAsync($"/api/scheduling/appointments/{id}"), HttpStatusCode.NotFound,
            "appointment_not_found", before, held);
        await AssertRefusedAsync(await stranger.Client.PostAsJsonAsync($"/api/scheduling/appointments/{id}/cancel", new { }),
            HttpStatusCode.NotFound, "appointment_not_found", before, held);
        Assert.Empty((await stranger.Client.GetFromJsonAsync<JsonElement>("/api/scheduling/appointments")).EnumerateArray());
        Assert.Equal("locking", (await f.World.AppointmentAsync(owner, id)).GetProperty("status").GetString());
    }

    /// <summary>A full window is answered from one read (no transaction); what would be refused first still is, and the
    /// request that filled it, sent again, still gets its first answer.</summary>
    [Fact]
    public async Task On_a_full_window_each_refusal_keeps_its_precedence_and_a_repeat_gets_its_first_answer()
    {
        var clinic = await f.World.ClinicAsync();
        var slotId = await f.World.SlotAsync(clinic, SchedulingWorld.Local(f.World.Today.AddDays(1), 14), units: 1);
        var (first, me, someone, unagreed) = (await f.World.PatientAsync(), await f.World.PatientAsync(), await f.World.PatientAsync(),
            await f.World.PatientAsync(agreed: false));
        var key = Guid.NewGuid().ToString("N");
        var booked = await SchedulingWorld.BookAsync(first.Client, slotId, first.PatientId, key);
        Assert.Equal(HttpStatusCode.Accepted, booked.StatusCode);
        var (before, held) = (await AppointmentsAsync(), await HeldAsync());

        await AssertRefusedAsync(await SchedulingWorld.BookAsync(me.Client, slotId, someone.PatientId), HttpStatusCode.Forbidden,
            "patient_not_linked", before, held);
        await AssertRefusedAsync(await SchedulingWorld.BookAsync(unagreed.Client, slotId, unagreed.PatientId), HttpStatusCode.PreconditionRequired,
            "agreement_required", before, held);
        await AssertRefusedAsync(await SchedulingWorld.BookAsync(me.Client, slotId, me.PatientId), HttpStatusCode.Conflict,
            "slot_full", before, held);
        var again = await SchedulingWorld.BookAsync(first.Client, slotId, first.PatientId, key);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal((await booked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(),
            (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());

        var started = SchedulingWorld.Local(f.World.Today.AddDays(-1), 15);
        var gone = (await f.World.ScheduleDayAsync(clinic, f.World.Today.AddDays(-1), SchedulingWorld.Units(clinic, started, 1, "busy").ToArray()))
            .Single(s => s.GetProperty("startsAt").GetDateTimeOffset() == started).GetProperty("id").GetGuid();
        await AssertRefusedAsync(await SchedulingWorld.BookAsync(me.Client, gone, me.PatientId), HttpStatusCode.UnprocessableEntity,
            "slot_past", before, held);
    }

    [Fact]
    public async Task A_patient_the_account_does_not_act_for_is_forbidden()
    {
        var clinic = await f.World.ClinicAsync();
        var slotId = await f.World.SlotAsync(clinic, SchedulingWorld.Local(f.World.Today.AddDays(1), 8), units: 1);
        var (me, someone) = (await f.World.PatientAsync(), await f.World.PatientAsync());
        var (before, held) = (await AppointmentsAsync(), await HeldAsync());
        await AssertRefusedAsync(await SchedulingWorld.BookAsync(me.Client, slotId, someone.PatientId), HttpStatusCode.Forbidden,
            "patient_not_linked", before, held);
    }

    [Fact]
    public async Task Without_the_booking_agreement_the_booking_waits_for_it()
    {
        var clinic = await f.World.ClinicAsync();
        var slotId = await f.World.SlotAsync(clinic, SchedulingWorld.Local(f.World.Today.AddDays(1), 8, 30), units: 1);
        var patient = await f.World.PatientAsync(agreed: false);
        var (before, held) = (await AppointmentsAsync(), await HeldAsync());
        await AssertRefusedAsync(await SchedulingWorld.BookAsync(patient.Client, slotId, patient.PatientId), HttpStatusCode.PreconditionRequired,
            "agreement_required", before, held);
    }

    [Fact]
    public async Task Malformed_and_incomplete_bodies_are_refused()
    {
        var patient = await f.World.PatientAsync();
        var (before, held) = (await AppointmentsAsync(), await HeldAsync());
        foreach (var body in new[] { "{not json", """{"slotId":"abc","patientId":1}""" })
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/scheduling/appointments")
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
            var response = await patient.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        await AssertRefusedAsync(await SchedulingWorld.BookAsync(patient.Client, Guid.Empty, patient.PatientId), HttpStatusCode.BadRequest,
            "validation_failed", before, held);
        await AssertRefusedAsync(await SchedulingWorld.BookAsync(patient.Client, Guid.NewGuid(), patient.PatientId), HttpStatusCode.NotFound,
            "slot_not_found", before, held);
    }

    [Fact]
    public async Task The_catalogue_lists_departments_doctors_and_campuses_to_anyone()
    {
        var clinic = await f.World.ClinicAsync();
        var anonymous = f.Service.CreateClient();
        var departments = await anonymous.GetFromJsonAsync<JsonElement>("/api/scheduling/departments?campus=本部院区");
        var department = departments.EnumerateArray().Single(d => d.GetProperty("id").GetGuid() == clinic.DepartmentId);
        Assert.Equal("门诊楼2楼", department.GetProperty("location").GetString());
        Assert.Equal(15, department.GetProperty("slotMinutes").GetInt32());
        var doctors = await anonymous.GetFromJsonAsync<JsonElement>($"/api/scheduling/doctors?departmentId={clinic.DepartmentId}");
        var doctor = doctors.EnumerateArray().Single();
        Assert.Equal(3000, doctor.GetProperty("feeFen").GetInt64());
        Assert.Equal(clinic.DepartmentId, doctor.GetProperty("departmentIds")[0].GetGuid());
        var campuses = await anonymous.GetFromJsonAsync<JsonElement>("/api/scheduling/campuses");
        Assert.Contains(campuses.EnumerateArray(), c => c.GetProperty("name").GetString() == "本部院区" && c.GetProperty("departmentCount").GetInt32() >= 1);
    }
}
