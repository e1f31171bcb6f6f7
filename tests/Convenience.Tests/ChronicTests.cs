using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts.Convenience;
using Platform.Contracts.Staff;
using Platform.Testing;

namespace Convenience.Tests;

/// <summary>X16: readings entered and imported, trends read back in time order, thresholds set per patient by the care
/// team, out-of-range readings alerting the team and the patient, and daily reminders sent once.</summary>
public sealed class ChronicTests(ConvenienceFixture f) : IClassFixture<ConvenienceFixture>
{
    [Fact]
    public async Task An_out_of_range_blood_pressure_alerts_the_care_team_and_the_patient_and_one_in_range_does_not()
    {
        var patient = Guid.NewGuid();
        var client = f.PatientClient(Guid.NewGuid(), patient);
        var team = f.StaffClient("心内科随访护士");
        Assert.Equal(HttpStatusCode.BadRequest, (await team.PutAsJsonAsync($"/api/convenience/staff/chronic/patients/{patient}/thresholds/blood-pressure",
            new { low = 140, high = 90 })).StatusCode);
        (await team.PutAsJsonAsync($"/api/convenience/staff/chronic/patients/{patient}/thresholds/blood-pressure",
            new { low = 90, high = 140, diastolicLow = 60, diastolicHigh = 90 })).EnsureSuccessStatusCode();

        var normal = await (await client.PostAsJsonAsync($"/api/convenience/patients/{patient}/chronic/readings",
            new { kind = "blood-pressure", systolic = 128, diastolic = 82 })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(normal.GetProperty("outOfRange").GetBoolean());
        var high = await client.PostAsJsonAsync($"/api/convenience/patients/{patient}/chronic/readings",
            new { kind = "blood-pressure", systolic = 172, diastolic = 104 });
        high.EnsureSuccessStatusCode();
        var reading = await high.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(reading.GetProperty("outOfRange").GetBoolean());
        Assert.Contains("收缩压高于140", reading.GetProperty("alertText").GetString());
        Assert.Contains("舒张压高于90", reading.GetProperty("alertText").GetString());

        var alert = await f.Published.UntilAsync<ChronicReadingOutOfRangeIntegrationEvent>(e => e.PatientId == patient, ConvenienceFixture.Wait);
        await f.Published.UntilAsync<StaffWorkChangedIntegrationEvent>(e => e.ItemId == alert.ReadingId && e.Area == StaffAreas.Convenience,
            ConvenienceFixture.Wait);
        Assert.Equal("172/104 mmHg", alert.ValueText);
        Assert.Equal(reading.GetProperty("id").GetGuid(), alert.ReadingId);
        Assert.Single(f.Published.Of<ChronicReadingOutOfRangeIntegrationEvent>(), e => e.PatientId == patient);

        var open = await team.GetFromJsonAsync<JsonElement>("/api/convenience/staff/chronic/alerts?open=true");
        var mine = open.EnumerateArray().Single(a => a.GetProperty("patientId").GetGuid() == patient);
        Assert.Equal(HttpStatusCode.BadRequest, (await team.PostAsJsonAsync($"/api/convenience/staff/chronic/alerts/{mine.GetProperty("id")}/acknowledge",
            new { note = "" })).StatusCode);
        (await team.PostAsJsonAsync($"/api/convenience/staff/chronic/alerts/{mine.GetProperty("id")}/acknowledge",
            new { note = "已电话联系，嘱复测并调整用药" })).EnsureSuccessStatusCode();
        var after = await team.GetFromJsonAsync<JsonElement>("/api/convenience/staff/chronic/alerts?open=true");
        Assert.DoesNotContain(after.EnumerateArray(), a => a.GetProperty("patientId").GetGuid() == patient);
    }

    [Fact]
    public async Task Imported_readings_come_back_in_time_order_for_the_trend_and_one_bad_row_imports_nothing()
    {
        var patient = Guid.NewGuid();
        var client = f.PatientClient(Guid.NewGuid(), patient);
        var now = f.Clock.GetUtcNow();
        var bad = await client.PostAsJsonAsync($"/api/convenience/patients/{patient}/chronic/readings/import", new
        {
            readings = new object[]
            {
                new { kind = "glucose", value = 6.1, context = "fasting", measuredAt = now.AddDays(-2) },
                new { kind = "glucose", value = 99, context = "fasting", measuredAt = now.AddDays(-1) },
            },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("readings[1].value", out _));
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>($"/api/convenience/patients/{patient}/chronic/readings?kind=glucose")).EnumerateArray());

        (await client.PostAsJsonAsync($"/api/convenience/patients/{patient}/chronic/readings/import", new
        {
            readings = new object[]
            {
                new { kind = "weight", value = 70.5, measuredAt = now.AddDays(-1) },
                new { kind = "weight", value = 71.2, measuredAt = now.AddDays(-3) },
                new { kind = "weight", value = 70.9, measuredAt = now.AddDays(-2) },
            },
        })).EnsureSuccessStatusCode();
        var again = await client.PostAsJsonAsync($"/api/convenience/patients/{patient}/chronic/readings/import", new
        {
            readings = new object[] { new { kind = "weight", value = 70.5, measuredAt = now.AddDays(-1) }, new { kind = "weight", value = 70.1, measuredAt = now } },
        });
        Assert.Single((await again.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
        var trend = await client.GetFromJsonAsync<JsonElement>($"/api/convenience/patients/{patient}/chronic/readings?kind=weight&days=7");
        Assert.Equal([71.2m, 70.9m, 70.5m, 70.1m], trend.EnumerateArray().Select(r => r.GetProperty("value").GetDecimal()).ToList());
        Assert.All(trend.EnumerateArray(), r => Assert.Equal("imported", r.GetProperty("source").GetString()));
        var summary = await client.GetFromJsonAsync<JsonElement>($"/api/convenience/patients/{patient}/chronic");
        Assert.Equal(70.1m, summary.GetProperty("latest").EnumerateArray().Single(r => r.GetProperty("kind").GetString() == "weight")
            .GetProperty("value").GetDecimal());
        Assert.Equal(HttpStatusCode.NotFound, (await f.PatientClient(Guid.NewGuid()).GetAsync($"/api/convenience/patients/{patient}/chronic/readings")).StatusCode);
    }

    [Fact]
    public async Task A_daily_reminder_is_sent_once_when_its_time_comes()
    {
        var patient = Guid.NewGuid();
        var client = f.PatientClient(Guid.NewGuid(), patient);
        var at = f.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).AddMinutes(30);
        var saved = await client.PutAsJsonAsync($"/api/convenience/patients/{patient}/chronic/reminders/blood-pressure",
            new { time = at.ToString("HH:mm") });
        saved.EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PutAsJsonAsync($"/api/convenience/patients/{patient}/chronic/reminders/blood-pressure",
            new { time = "25:99" })).StatusCode);
        Assert.DoesNotContain(f.Published.Of<ChronicMeasurementReminderDueIntegrationEvent>(), e => e.PatientId == patient);
        f.Clock.Advance(TimeSpan.FromMinutes(31));
        var due = await f.Published.UntilAsync<ChronicMeasurementReminderDueIntegrationEvent>(e => e.PatientId == patient, ConvenienceFixture.Wait);
        Assert.Equal("血压", due.KindText);
        var reminder = (await client.GetFromJsonAsync<JsonElement>($"/api/convenience/patients/{patient}/chronic")).GetProperty("reminders")[0];
        Assert.True(reminder.GetProperty("nextDueAt").GetDateTimeOffset() > f.Clock.GetUtcNow().AddHours(23));
        Assert.Single(f.Published.Of<ChronicMeasurementReminderDueIntegrationEvent>(), e => e.PatientId == patient);
    }
}
