using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FollowUp.API.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.FollowUp;
using Platform.Contracts.Queue;
using Platform.Testing;
using static FollowUp.Tests.Setup;

namespace FollowUp.Tests;

/// <summary>R29, clinical-study recruitment: an invitation reaches only a consented patient who has, in the HIS, an active
/// diagnosis the study names (an ICD-10 code prefix or a word of the diagnosis), read through the HIS adapter.</summary>
public sealed class RecruitmentTests(HisFollowUpFixture f) : IClassFixture<HisFollowUpFixture>
{
    private static readonly TimeSpan HisWait = TimeSpan.FromSeconds(60);

    private async Task<Guid> StudyRuleAsync(string department, params string[] conditionTerms)
    {
        var staff = f.StaffClient();
        var q = await SatisfactionSurveyAsync(staff, department, "recruitment");
        await staff.PostAsJsonAsync("/api/followup/admin/targeting-rules", new
        {
            trigger = "visit", departmentName = department, questionnaireId = q.GetProperty("id").GetGuid(), delayHours = 0, conditionTerms,
        }).OkJson();
        return q.GetProperty("id").GetGuid();
    }

    private Task VisitAsync(Guid patient, string department) =>
        f.PublishAsync(new QueueCalledIntegrationEvent(Guid.NewGuid(), patient, 8, department, "王医生", "门诊三楼", false));

    private Task ConsentAsync(Guid patient, bool consent) =>
        f.PatientClient(Guid.NewGuid(), patient).PutAsJsonAsync($"/api/followup/patients/{patient}/preferences",
            new { surveysOptedOut = false, recruitmentConsent = consent }).OkJson();

    private async Task<int> CountAsync(Func<FollowUpDbContext, Task<int>> query)
    {
        await using var scope = f.Service.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<FollowUpDbContext>());
    }

    private Task<int> InvitationsAsync(Guid patient) => CountAsync(db => db.Responses.CountAsync(r => r.PatientId == patient));

    private Task<int> VisitsAsync(Guid patient) => CountAsync(db => db.Visits.CountAsync(v => v.PatientId == patient));

    [Fact]
    public async Task A_study_reaches_only_consented_patients_with_a_matching_active_diagnosis_in_the_his()
    {
        var seeded = await f.SeededConditionsAsync();
        var diabetic = seeded.First(c => c.Code.StartsWith("E11") && c.Status == "active").Patient;
        var nonDiabetics = seeded.Select(c => c.Patient).Distinct()
            .Where(p => seeded.Where(c => c.Patient == p).All(c => !c.Code.StartsWith("E11") && !c.Text.Contains("糖尿病"))).Take(2).ToList();
        var d = await f.LinkAsync(diabetic);
        var n = await f.LinkAsync(nonDiabetics[0]);
        // Diabetes once recorded, now resolved: not an active diagnosis, so no match.
        await f.AddConditionAsync(nonDiabetics[1], "E11.9", "2型糖尿病", "resolved");
        var resolved = await f.LinkAsync(nonDiabetics[1]);
        var notInHis = Guid.NewGuid();

        var byCode = Unique("内分泌科");
        await StudyRuleAsync(byCode, "E11");

        // Diabetic but not consented: nothing.
        await VisitAsync(d, byCode);
        await Eventually.Until(() => VisitsAsync(d), x => x == 1, HisWait, "visit recorded");
        Assert.Equal(0, await InvitationsAsync(d));

        // Consented without the diagnosis, with it resolved, or with no HIS record at all: nothing.
        foreach (var patient in new[] { n, resolved, notInHis })
        {
            await ConsentAsync(patient, true);
            await VisitAsync(patient, byCode);
        }
        foreach (var patient in new[] { n, resolved, notInHis })
            await Eventually.Until(() => VisitsAsync(patient), x => x == 1, HisWait, "visit recorded");
        foreach (var patient in new[] { n, resolved, notInHis })
            Assert.Equal(0, await InvitationsAsync(patient));

        // Consented and diabetic (E11.x matches the prefix E11): invited.
        await ConsentAsync(d, true);
        await VisitAsync(d, byCode);
        var invitation = await f.Published.UntilAsync<SurveySentIntegrationEvent>(e => e.PatientId == d, HisWait);
        Assert.Equal("recruitment", invitation.Purpose);
        Assert.Equal(byCode, invitation.DepartmentName);

        // Withdrawn consent: no further invitation, however well the diagnosis matches (one invitation so far, under the cap).
        var third = Unique("内分泌科");
        await StudyRuleAsync(third, "E11");
        await ConsentAsync(d, false);
        await VisitAsync(d, third);
        await Eventually.Until(() => VisitsAsync(d), x => x == 3, HisWait, "visit after withdrawal recorded");
        Assert.Equal(1, await InvitationsAsync(d));

        // A study named by a word of the diagnosis text matches the same way.
        await ConsentAsync(d, true);
        var byWord = Unique("代谢病门诊");
        await StudyRuleAsync(byWord, "糖尿病");
        await VisitAsync(d, byWord);
        await VisitAsync(n, byWord);
        await VisitAsync(resolved, byWord);
        await Eventually.Until(() => InvitationsAsync(d), x => x == 2, HisWait, "the second study's invitation");
        await Eventually.Until(() => VisitsAsync(n), x => x == 2, HisWait, "second visit of the patient without diabetes recorded");
        await Eventually.Until(() => VisitsAsync(resolved), x => x == 2, HisWait, "second visit of the patient whose diabetes resolved recorded");
        Assert.Equal(0, await InvitationsAsync(n));
        Assert.Equal(0, await InvitationsAsync(resolved));
    }

    [Fact]
    public async Task A_recruitment_rule_must_name_the_diagnoses_it_recruits()
    {
        var staff = f.StaffClient();
        var department = Unique("肿瘤科");
        var q = await SatisfactionSurveyAsync(staff, department, "recruitment");
        var before = await CountAsync(db => db.TargetingRules.CountAsync());
        foreach (var terms in new[] { Array.Empty<string>(), ["  "], [new string('癌', 31)] })
        {
            var problem = await staff.PostAsJsonAsync("/api/followup/admin/targeting-rules", new
            {
                trigger = "visit", departmentName = department, questionnaireId = q.GetProperty("id").GetGuid(), conditionTerms = terms,
            }).ProblemAsync(HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("conditionTerms", out _));
        }
        Assert.Equal(before, await CountAsync(db => db.TargetingRules.CountAsync()));

        var rule = await staff.PostAsJsonAsync("/api/followup/admin/targeting-rules", new
        {
            trigger = "visit", departmentName = department, questionnaireId = q.GetProperty("id").GetGuid(), conditionTerms = new[] { " C34 ", "肺癌", "c34" },
        }).OkJson();
        Assert.Equal(new List<string> { "C34", "肺癌" }, rule.GetProperty("conditionTerms").EnumerateArray().Select(t => t.GetString()!).ToList());
    }
}
