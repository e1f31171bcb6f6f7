using System.Net;
using System.Net.Http.Json;
using FollowUp.API.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Text.Json;
using Platform.Contracts.FollowUp;
using Platform.Contracts.Inpatient;
using Platform.Testing;
using static FollowUp.Tests.Setup;

namespace FollowUp.Tests;

/// <summary>R30: a discharge starts the follow-up plan; each questionnaire goes out on its day (the clock moves, nothing
/// sleeps) and answers outside the expected range alert the care team by SMS and in the console.</summary>
public sealed class PlanTests(FollowUpFixture f) : IClassFixture<FollowUpFixture>
{
    [Fact]
    public async Task Day_7_and_30_questionnaires_go_out_on_schedule_and_an_out_of_range_answer_alerts_the_care_team()
    {
        var staff = f.StaffClient();
        var team = Unique("骨科随访组");
        var nurse = Phone();
        await ContactAsync(staff, team, "陈护士", nurse);
        var q = (await FollowUpQuestionnaireAsync(staff)).GetProperty("id").GetGuid();
        await staff.PostAsJsonAsync("/api/followup/admin/plan-templates", new
        {
            name = "出院随访", trigger = "discharge", careTeamGroup = team, steps = new[] { new { day = 7, questionnaireId = q }, new { day = 30, questionnaireId = q } },
        }).OkJson();

        var patient = Guid.NewGuid();
        var client = f.PatientClient(Guid.NewGuid(), patient);
        var dischargedAt = f.Clock.GetUtcNow();
        await f.PublishAsync(new PatientDischargedIntegrationEvent(patient, Unique("enc-"), dischargedAt, false));

        f.Clock.Advance(TimeSpan.FromDays(6));
        var list = await Eventually.Until(() => client.GetFromJsonAsync<JsonElement>($"/api/followup/patients/{patient}/surveys"),
            l => l.GetArrayLength() == 0, Wait, "nothing before day 7");
        f.Clock.Advance(TimeSpan.FromDays(1));
        var day7 = await f.Published.UntilAsync<SurveySentIntegrationEvent>(e => e.PatientId == patient, Wait);
        Assert.Equal("followup", day7.Purpose);
        list = await client.GetFromJsonAsync<JsonElement>($"/api/followup/patients/{patient}/surveys");
        Assert.Equal(7, list.EnumerateArray().Single().GetProperty("planDay").GetInt32());
        Assert.True(list[0].GetProperty("sentAt").GetDateTimeOffset() >= dischargedAt.AddDays(7), "sent before its day");

        // In range: no alert.
        await client.PutAsJsonAsync($"/api/followup/surveys/{day7.ResponseId}/answers", new
        {
            answers = new object[] { new { linkId = "pain", number = 3 }, new { linkId = "fever", choices = new[] { "否" } } }, submit = true,
        }).OkJson();

        f.Clock.Advance(TimeSpan.FromDays(23));
        var day30 = await f.Published.UntilAsync<SurveySentIntegrationEvent>(e => e.PatientId == patient && e.ResponseId != day7.ResponseId, Wait);
        await client.PutAsJsonAsync($"/api/followup/surveys/{day30.ResponseId}/answers", new
        {
            answers = new object[] { new { linkId = "pain", number = 8 }, new { linkId = "fever", choices = new[] { "是" } } }, submit = true,
        }).OkJson();
        var sms = await Eventually.Until(() => f.SmsTextsAsync(nurse), t => t.Count >= 1, Wait, "care team SMS");
        Assert.Single(sms);
        Assert.Contains("伤口疼痛评分：8", sms[0]);
        Assert.Contains("是否发热：是", sms[0]);
        var alerts = await staff.GetFromJsonAsync<JsonElement>($"/api/followup/admin/alerts?group={team}");
        var alert = alerts.EnumerateArray().Single();
        Assert.Equal(day30.ResponseId, alert.GetProperty("responseId").GetGuid());
        Assert.Equal(patient, alert.GetProperty("patientId").GetGuid());

        // The care team opens the answers from the alert; the read of medical answers is audited.
        var answers = await staff.GetFromJsonAsync<JsonElement>($"/api/followup/admin/responses/{day30.ResponseId}");
        Assert.True(answers.GetProperty("outOfRange").GetBoolean());
        Assert.Equal(2, answers.GetProperty("answers").GetArrayLength());
        await using var scope = f.Service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FollowUpDbContext>();
        Assert.Equal(1, await db.Audits.CountAsync(a => a.PatientId == patient && a.What == $"response:{day30.ResponseId}"));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/followup/admin/responses/{day30.ResponseId}")).StatusCode);
    }
}
