using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Platform.ServiceDefaults.Auth;

namespace Queue.Tests;

/// <summary>电子健康卡 (X15): the patient's own signed, short-lived code, read at a kiosk to check in for today's visits and
/// exams. Forged, tampered, wrong-kind and expired codes are refused and check nobody in.</summary>
public sealed class HealthCardTests(QueueFixture fixture) : IClassFixture<QueueFixture>
{
    [Fact]
    public async Task A_kiosk_checks_the_patient_in_for_todays_visit_and_exam_by_their_health_card()
    {
        var clinic = new Clinic(fixture);
        var visit = await clinic.BookAsync(TimeSpan.FromMinutes(20));
        var room = new ExamRoom(fixture);
        var exam = await room.BookAsync(TimeSpan.FromMinutes(40), "检查前憋尿", visit.AccountId);
        // The exam was booked for another patient of the same account; the card is per patient.
        var card = await CardAsync(visit.Client, visit.PatientId);
        Assert.DoesNotContain("身份证", card.GetRawText());

        var kiosk = fixture.StaffClient();
        var response = await kiosk.PostAsJsonAsync("/api/queue/kiosk/check-ins", new { code = card.GetProperty("code").GetString() });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var tickets = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("tickets").EnumerateArray().ToList();
        var ticket = Assert.Single(tickets);
        Assert.Equal(clinic.Location, ticket.GetProperty("location").GetString());
        Assert.Equal([1], await clinic.WaitingNumbersAsync());
        Assert.Null(await exam.MineAsync());

        // The family member's own card checks in their exam.
        var familyCard = await CardAsync(visit.Client, exam.PatientId);
        var examCheckIn = await kiosk.PostAsJsonAsync("/api/queue/kiosk/check-ins", new { code = familyCard.GetProperty("code").GetString() });
        Assert.True(examCheckIn.IsSuccessStatusCode, await examCheckIn.Content.ReadAsStringAsync());
        Assert.Equal("waiting", (await exam.MineAsync())!.Value.GetProperty("status").GetString());

        // Showing the card again keeps the number.
        var again = await kiosk.PostAsJsonAsync("/api/queue/kiosk/check-ins", new { code = card.GetProperty("code").GetString() });
        Assert.Equal(1, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("tickets")[0].GetProperty("number").GetInt32());
    }

    [Fact]
    public async Task Forged_tampered_wrong_kind_and_expired_codes_are_refused_and_nobody_is_checked_in()
    {
        var clinic = new Clinic(fixture);
        var patient = await clinic.BookAsync(TimeSpan.FromMinutes(15));
        var other = await clinic.BookAsync(TimeSpan.FromMinutes(15));
        var genuine = (await CardAsync(patient.Client, patient.PatientId)).GetProperty("code").GetString()!;
        var kiosk = fixture.StaffClient();

        async Task Refused(string? code, string expected) =>
            await ExamQueueTests.AssertRefusedAsync(await kiosk.PostAsJsonAsync("/api/queue/kiosk/check-ins", new { code }), expected,
                HttpStatusCode.BadRequest);

        await Refused("HC1.bm90.aGVsbG8", "health_card_invalid");
        await Refused(null, "health_card_invalid");
        // The genuine signature over another patient's id.
        var parts = genuine.Split('.');
        var swapped = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            Pid = other.PatientId, Exp = fixture.Clock.GetUtcNow().AddMinutes(2).ToUnixTimeSeconds(),
        })));
        await Refused($"{parts[0]}.{swapped}.{parts[2]}", "health_card_invalid");
        // A clinic's check-in code is not a health card.
        await Refused(await clinic.CodeAsync(), "health_card_invalid");

        fixture.Clock.Advance(TimeSpan.FromMinutes(3));
        try
        {
            await Refused(genuine, "health_card_expired");
        }
        finally
        {
            fixture.Clock.Advance(TimeSpan.FromMinutes(-3));
        }
        Assert.Empty(await clinic.WaitingNumbersAsync());

        // Only the patient's own account (or family) gets their card; patients cannot use the kiosk endpoint.
        await ExamQueueTests.AssertRefusedAsync(await other.Client.GetAsync($"/api/queue/health-card?patientId={patient.PatientId}"),
            "patient_not_yours");
        Assert.Equal(HttpStatusCode.Forbidden,
            (await patient.Client.PostAsJsonAsync("/api/queue/kiosk/check-ins", new { code = genuine })).StatusCode);
        Assert.Empty(await clinic.WaitingNumbersAsync());
    }

    [Fact]
    public async Task A_patient_with_nothing_due_now_is_told_so()
    {
        // The fixture's clock says 10:00 Beijing time, so a visit three hours on is today's clinic.
        var clinic = new Clinic(fixture);
        var later = await clinic.BookAsync(TimeSpan.FromHours(3));
        var card = await CardAsync(later.Client, later.PatientId);
        await ExamQueueTests.AssertRefusedAsync(await fixture.StaffClient().PostAsJsonAsync("/api/queue/kiosk/check-ins",
            new { code = card.GetProperty("code").GetString() }), "no_appointment_now", HttpStatusCode.NotFound);
    }

    private static async Task<JsonElement> CardAsync(HttpClient client, Guid patientId)
    {
        var response = await client.GetAsync($"/api/queue/health-card?patientId={patientId}");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var card = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(card.GetProperty("refreshAfterSeconds").GetInt32() < 120);
        return card;
    }
}
