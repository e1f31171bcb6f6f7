using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FollowUp.API.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.FollowUp;
using Platform.Contracts.Queue;
using Platform.Contracts.Reports;
using Platform.Testing;
using static FollowUp.Tests.Setup;

namespace FollowUp.Tests;

/// <summary>R25 and R29: a visit in a department sends that department's survey after the rule's delay; the patient
/// fills it in on the phone with answers saved as they go; opt-out and the frequency cap are respected (recruitment,
/// which also needs consent and a matching diagnosis: <see cref="RecruitmentTests"/>).</summary>
public sealed class SurveyTests(FollowUpFixture f) : IClassFixture<FollowUpFixture>
{
    private async Task<Guid> RuleAsync(string department, string purpose = "satisfaction", int delayHours = 2)
    {
        var staff = f.StaffClient();
        var q = await SatisfactionSurveyAsync(staff, department, purpose);
        await staff.PostAsJsonAsync("/api/followup/admin/targeting-rules", new
        {
            trigger = "visit", departmentName = department, questionnaireId = q.GetProperty("id").GetGuid(), delayHours,
        }).OkJson();
        return q.GetProperty("id").GetGuid();
    }

    private Task VisitAsync(Guid patient, string department) =>
        f.PublishAsync(new QueueCalledIntegrationEvent(Guid.NewGuid(), patient, 12, department, "王医生", "门诊二楼", false));

    private async Task<int> ResponsesAsync(Guid patient)
    {
        await using var scope = f.Service.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FollowUpDbContext>().Responses.CountAsync(r => r.PatientId == patient);
    }

    private async Task<int> VisitsAsync(Guid patient)
    {
        await using var scope = f.Service.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FollowUpDbContext>().Visits.CountAsync(r => r.PatientId == patient);
    }

    [Fact]
    public async Task A_visit_sends_the_departments_survey_after_the_delay_and_the_patient_saves_part_then_submits()
    {
        var department = Unique("消化内科");
        var questionnaire = await RuleAsync(department);
        var patient = Guid.NewGuid();
        var client = f.PatientClient(Guid.NewGuid(), patient);
        await VisitAsync(patient, department);
        await Eventually.Until(() => ResponsesAsync(patient), n => n == 1, Wait, "survey scheduled");
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>($"/api/followup/patients/{patient}/surveys")).GetArrayLength());

        f.Clock.Advance(TimeSpan.FromHours(2));
        var sent = await f.Published.UntilAsync<SurveySentIntegrationEvent>(e => e.PatientId == patient, Wait);
        Assert.Equal("satisfaction", sent.Purpose);
        Assert.Equal(department, sent.DepartmentName);
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/followup/patients/{patient}/surveys");
        var id = list.EnumerateArray().Single().GetProperty("id").GetGuid();
        var visits = await client.GetFromJsonAsync<JsonElement>($"/api/followup/patients/{patient}/visits");
        Assert.Equal(department, visits[0].GetProperty("departmentName").GetString());

        // Partial answers survive; a rating outside its 5 stars, an option that does not exist and two answers to a
        // single choice are refused without touching what was saved.
        await client.PutAsJsonAsync($"/api/followup/surveys/{id}/answers", new
        {
            answers = new object[] { new { linkId = "wait", choices = new[] { "半小时内" } }, new { linkId = "advice", text = "挂号处人太多" } },
            submit = false,
        }).OkJson();
        await client.PutAsJsonAsync($"/api/followup/surveys/{id}/answers", new { answers = new[] { new { linkId = "overall", number = 6 } } })
            .ProblemAsync(HttpStatusCode.BadRequest);
        await client.PutAsJsonAsync($"/api/followup/surveys/{id}/answers", new { answers = new[] { new { linkId = "good", choices = new[] { "食堂" } } } })
            .ProblemAsync(HttpStatusCode.BadRequest);
        await client.PutAsJsonAsync($"/api/followup/surveys/{id}/answers", new { answers = new[] { new { linkId = "wait", choices = new[] { "10分钟内", "半小时内" } } } })
            .ProblemAsync(HttpStatusCode.BadRequest);
        var saved = await client.GetFromJsonAsync<JsonElement>($"/api/followup/surveys/{id}");
        Assert.Equal("in-progress", saved.GetProperty("status").GetString());
        Assert.Equal(2, saved.GetProperty("answers").GetArrayLength());

        // The required rating is missing: not submitted.
        var missing = await client.PutAsJsonAsync($"/api/followup/surveys/{id}/answers", new { answers = saved.GetProperty("answers"), submit = true })
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(missing.GetProperty("errors").TryGetProperty("overall", out _));

        var answers = saved.GetProperty("answers").EnumerateArray().Cast<object>().Concat(new object[]
        {
            new { linkId = "overall", number = 4 }, new { linkId = "nps", number = 9 }, new { linkId = "good", choices = new[] { "医生", "护士" } },
        }).ToArray();
        var done = await client.PutAsJsonAsync($"/api/followup/surveys/{id}/answers", new { answers, submit = true }).OkJson();
        Assert.Equal("completed", done.GetProperty("status").GetString());
        await client.PutAsJsonAsync($"/api/followup/surveys/{id}/answers", new { answers, submit = true }).ProblemAsync(HttpStatusCode.Conflict);

        var fhir = await client.GetFromJsonAsync<JsonElement>($"/api/followup/surveys/{id}/fhir");
        Assert.Equal("QuestionnaireResponse", fhir.GetProperty("resourceType").GetString());
        Assert.Equal("completed", fhir.GetProperty("status").GetString());
        Assert.Equal($"Questionnaire/{questionnaire}", fhir.GetProperty("questionnaire").GetString());
        Assert.Equal(5, fhir.GetProperty("item").GetArrayLength());
        var definition = await f.StaffClient().GetFromJsonAsync<JsonElement>($"/api/followup/admin/questionnaires/{questionnaire}/fhir");
        Assert.Equal("Questionnaire", definition.GetProperty("resourceType").GetString());
        Assert.True(definition.GetProperty("item")[2].GetProperty("repeats").GetBoolean());

        var stranger = f.PatientClient(Guid.NewGuid(), Guid.NewGuid());
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/followup/surveys/{id}")).StatusCode);

        var stats = await f.StaffClient().GetFromJsonAsync<JsonElement>("/api/followup/admin/stats");
        var rate = stats.GetProperty("responseRates").EnumerateArray().Single(r => r.GetProperty("questionnaireId").GetGuid() == questionnaire);
        Assert.Equal(1, rate.GetProperty("completed").GetInt32());
        var score = stats.GetProperty("scores").EnumerateArray().Single(s => s.GetProperty("department").GetString() == department);
        Assert.Equal(4, score.GetProperty("averageRating").GetDouble());
        Assert.Equal(100, score.GetProperty("nps").GetDouble());
    }

    [Fact]
    public async Task Opted_out_patients_get_nothing_and_the_frequency_cap_holds()
    {
        var department = Unique("内分泌科");
        await RuleAsync(department, delayHours: 0);
        var other = Unique("眼科");
        await RuleAsync(other, delayHours: 0);

        var optedOut = Guid.NewGuid();
        await f.PatientClient(Guid.NewGuid(), optedOut).PutAsJsonAsync($"/api/followup/patients/{optedOut}/preferences",
            new { surveysOptedOut = true, recruitmentConsent = false }).OkJson();
        await VisitAsync(optedOut, department);
        await Eventually.Until(() => VisitsAsync(optedOut), n => n == 1, Wait, "visit recorded");
        Assert.Equal(0, await ResponsesAsync(optedOut));

        // Cap of two in 30 days: the third visit sends nothing.
        var busy = Guid.NewGuid();
        await VisitAsync(busy, department);
        await VisitAsync(busy, other);
        await Eventually.Until(() => ResponsesAsync(busy), n => n == 2, Wait, "two surveys");
        await VisitAsync(busy, department);
        await Eventually.Until(() => VisitsAsync(busy), n => n == 3, Wait, "third visit recorded");
        Assert.Equal(2, await ResponsesAsync(busy));
    }

    [Fact]
    public async Task When_the_his_cannot_be_read_a_study_invites_nobody_but_the_visits_survey_still_goes_out()
    {
        var department = Unique("内分泌科");
        var survey = await RuleAsync(department, delayHours: 0);
        var staff = f.StaffClient();
        var study = await SatisfactionSurveyAsync(staff, department, "recruitment");
        await staff.PostAsJsonAsync("/api/followup/admin/targeting-rules", new
        {
            trigger = "visit", departmentName = department, questionnaireId = study.GetProperty("id").GetGuid(), delayHours = 0,
            conditionTerms = new[] { "E11" },
        }).OkJson();
        var patient = Guid.NewGuid();
        await f.PatientClient(Guid.NewGuid(), patient).PutAsJsonAsync($"/api/followup/patients/{patient}/preferences",
            new { surveysOptedOut = false, recruitmentConsent = true }).OkJson();

        await VisitAsync(patient, department);
        var sent = await f.Published.UntilAsync<SurveySentIntegrationEvent>(e => e.PatientId == patient, TimeSpan.FromSeconds(60));
        Assert.Equal("satisfaction", sent.Purpose);
        await using var scope = f.Service.Services.CreateAsyncScope();
        var responses = await scope.ServiceProvider.GetRequiredService<FollowUpDbContext>().Responses
            .Where(r => r.PatientId == patient).Select(r => r.QuestionnaireId).ToListAsync();
        Assert.Equal([survey], responses);
    }

    [Fact]
    public async Task A_finished_exam_sends_the_exam_survey_once_however_often_its_report_is_announced()
    {
        var category = Unique("影像检查");
        var staff = f.StaffClient();
        var q = await SatisfactionSurveyAsync(staff, category);
        await staff.PostAsJsonAsync("/api/followup/admin/targeting-rules", new
        {
            trigger = "exam", departmentName = category, questionnaireId = q.GetProperty("id").GetGuid(), delayHours = 1,
        }).OkJson();
        var patient = Guid.NewGuid();
        var report = new ReportReadyIntegrationEvent(Guid.NewGuid(), patient, "HIS-R-9", category, "胸部CT", f.Clock.GetUtcNow());
        await f.PublishAsync(report);
        await f.PublishAsync(report with { Id = Guid.NewGuid() });
        await Eventually.Until(() => ResponsesAsync(patient), n => n == 1, Wait, "exam survey scheduled");
        f.Clock.Advance(TimeSpan.FromHours(1));
        var sent = await f.Published.UntilAsync<SurveySentIntegrationEvent>(e => e.PatientId == patient, Wait);
        Assert.Equal(category, sent.DepartmentName);
        // Both announcements were consumed (only this test announces reports), and still one visit and one survey.
        await Eventually.Until(() => f.Database.ScalarAsync("SELECT count(*) FROM inbox_messages WHERE consumer = 'ReportReadyConsumer'"),
            n => n == 2, Wait, "both announcements consumed");
        Assert.Equal(1, await VisitsAsync(patient));
        Assert.Equal(1, await ResponsesAsync(patient));
    }

    [Fact]
    public async Task A_questionnaire_that_makes_no_sense_is_refused()
    {
        var staff = f.StaffClient();
        await staff.PostAsJsonAsync("/api/followup/admin/questionnaires", new { title = "空问卷", purpose = "satisfaction", items = Array.Empty<object>() })
            .ProblemAsync(HttpStatusCode.BadRequest);
        await staff.PostAsJsonAsync("/api/followup/admin/questionnaires", new
        {
            title = "单选", purpose = "satisfaction", items = new[] { new { linkId = "a", text = "选一个", type = "choice", options = new[] { "唯一" } } },
        }).ProblemAsync(HttpStatusCode.BadRequest);
        await staff.PostAsJsonAsync("/api/followup/admin/questionnaires", new
        {
            title = "类型", purpose = "satisfaction", items = new[] { new { linkId = "a", text = "?", type = "slider" } },
        }).ProblemAsync(HttpStatusCode.BadRequest);
        await staff.PostAsJsonAsync("/api/followup/admin/questionnaires", new { title = "用途", purpose = "ads", items = new[] { new { linkId = "a", text = "?", type = "text" } } })
            .ProblemAsync(HttpStatusCode.BadRequest);
    }
}
