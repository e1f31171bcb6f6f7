using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace Queue.Tests;

/// <summary>报到 with the clinic's signed QR code: only a genuine, current code, only one's own (or family's) appointment,
/// only around its time; numbers follow appointment time, then check-in.</summary>
public sealed class CheckInTests(QueueFixture fixture) : IClassFixture<QueueFixture>
{
    [Fact]
    public async Task A_forged_code_is_refused_in_chinese()
    {
        var clinic = new Clinic(fixture);
        var patient = await clinic.BookAsync(TimeSpan.FromMinutes(20));
        var genuine = await clinic.CodeAsync();

        var madeUp = await patient.TryCheckInAsync("not-a-code");
        await AssertProblemAsync(madeUp, HttpStatusCode.BadRequest, "checkin_code_invalid");

        // Same signature, another room written into the payload.
        var payload = JsonSerializer.Serialize(new { Loc = "别的诊室", Exp = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds() });
        var tampered = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(payload)) + "." + genuine.Split('.')[1];
        await AssertProblemAsync(await patient.TryCheckInAsync(tampered), HttpStatusCode.BadRequest, "checkin_code_invalid");

        Assert.Empty(await clinic.WaitingNumbersAsync());
    }

    [Fact]
    public async Task An_expired_code_is_refused()
    {
        var clinic = new Clinic(fixture);
        var patient = await clinic.BookAsync(TimeSpan.FromMinutes(20));
        var code = await clinic.CodeAsync();
        fixture.Clock.Advance(TimeSpan.FromMinutes(6));
        try
        {
            await AssertProblemAsync(await patient.TryCheckInAsync(code), HttpStatusCode.BadRequest, "checkin_code_expired");
            Assert.Empty(await clinic.WaitingNumbersAsync());
        }
        finally
        {
            fixture.Clock.Advance(TimeSpan.FromMinutes(-6));
        }
    }

    [Fact]
    public async Task Someone_elses_appointment_is_refused_but_a_family_members_is_accepted()
    {
        var clinic = new Clinic(fixture);
        var owner = await clinic.BookAsync(TimeSpan.FromMinutes(20));
        var stranger = await clinic.BookAsync(TimeSpan.FromMinutes(25));

        await AssertProblemAsync(await stranger.TryCheckInAsync(appointmentId: owner.AppointmentId), HttpStatusCode.Forbidden, "appointment_not_yours");
        Assert.Empty(await clinic.WaitingNumbersAsync());

        // The owner's account also acts for a family member booked into the same clinic.
        var family = await clinic.BookAsync(TimeSpan.FromMinutes(30), owner.AccountId);
        var choose = await owner.Client.PostAsJsonAsync("/api/queue/check-ins", new { code = await clinic.CodeAsync() });
        await AssertProblemAsync(choose, HttpStatusCode.Conflict, "choose_appointment");
        var number = await family.CheckInAsync();
        Assert.Equal(1, number);
        Assert.Equal(family.PatientId, (await family.MineAsync()).GetProperty("patientId").GetGuid());
    }

    [Fact]
    public async Task Check_in_opens_an_hour_before_the_appointment()
    {
        var clinic = new Clinic(fixture);
        var early = await clinic.BookAsync(TimeSpan.FromMinutes(90));
        await AssertProblemAsync(await early.TryCheckInAsync(), HttpStatusCode.Conflict, "checkin_too_early");
        var late = await clinic.BookAsync(TimeSpan.FromMinutes(-45));
        await AssertProblemAsync(await late.TryCheckInAsync(), HttpStatusCode.Conflict, "checkin_too_late");
        Assert.Empty(await clinic.WaitingNumbersAsync());
    }

    [Fact]
    public async Task The_line_follows_appointment_time_then_check_in_and_a_second_scan_keeps_the_number()
    {
        var clinic = new Clinic(fixture);
        var nineThirty = await clinic.BookAsync(TimeSpan.FromMinutes(30));
        var nine = await clinic.BookAsync(TimeSpan.FromMinutes(10));
        var alsoNineThirty = await clinic.BookAsync(TimeSpan.FromMinutes(30));

        var first = await nineThirty.CheckInAsync();
        var second = await alsoNineThirty.CheckInAsync();
        var third = await nine.CheckInAsync();
        Assert.Equal([1, 2, 3], new[] { first, second, third });
        Assert.Equal(first, await nineThirty.CheckInAsync());

        // The earlier appointment goes first though it checked in last; equal times keep the check-in order.
        Assert.Equal([third, first, second], await clinic.WaitingNumbersAsync());
        Assert.Equal(0, (await nine.MineAsync()).GetProperty("peopleAhead").GetInt32());
        Assert.Equal(2, (await alsoNineThirty.MineAsync()).GetProperty("peopleAhead").GetInt32());
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.StatusCode}: {body}");
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Contains(problem.GetProperty("detail").GetString()!, c => c >= 0x4e00 && c <= 0x9fff);
    }
}
