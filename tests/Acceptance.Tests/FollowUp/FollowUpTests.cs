using System.Text.RegularExpressions;
using Acceptance.Tests.ElderMode;
using Acceptance.Tests.Identity;
using Acceptance.Tests.Scheduling;
using Microsoft.Playwright;
using Platform.Testing;
using static Acceptance.Tests.FollowUp.FollowUpStack;
using static Microsoft.Playwright.Assertions;

namespace Acceptance.Tests.FollowUp;

/// <summary>After the visit (R25–R30) on the running stack: a complaint reaches the department's staff by SMS and in the
/// admin console, whose reply reaches the patient's app and phone; a visit triggers the department's survey, filled in
/// on the phone in elder mode; a follow-up plan sends its questionnaire on its day and an out-of-range answer alerts the
/// care team.</summary>
[Collection(ServicesCollection.Name)]
public sealed class FollowUpTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private readonly BrowserFixture browser;

    public FollowUpTests(BrowserFixture browser)
    {
        this.browser = browser;
        SetDefaultExpectTimeout(20000);
    }

    [Fact]
    [Trait("Rubric", "R26")]
    [Trait("Rubric", "R27")]
    [Trait("Rubric", "R28")]
    public async Task A_complaint_reaches_the_departments_staff_by_sms_and_in_the_console_and_the_reply_reaches_the_patients_app_and_phone()
    {
        var staff = await StackTokens.StaffAsync();
        await ComplaintsOfficeAsync(staff);
        var (department, group, officerPhone) = (Unique("验收心内科"), Unique("医务部"), TestPeople.Phone());
        await AddContactAsync(staff, group, "张干事", officerPhone);
        await StaffAsync(staff, HttpMethod.Post, "/api/followup/admin/routing-rules", new
        {
            category = "医疗质量", departmentName = department, handlerGroup = group, acknowledgeWithinMinutes = 30, escalationGroup = "院办",
        });
        var family = await SchedulingStack.FamilyAsync(acceptBookingAgreement: false);
        var complaintText = $"复诊时医生没有看检查结果就开药（{Unique("编号")}）";
        var reply = $"已核实并与医生沟通，请于下周二上午复诊，将由科主任接诊。{Unique("回执")}";

        await using var adminContext = await browser.NewContextAsync(PatientSession.Desktop,
            new Dictionary<string, string> { ["platform.staff.token"] = staff });
        var admin = await adminContext.NewPageAsync();
        await admin.GotoAsync("/admin/complaints");
        await Expect(admin.GetByTestId("push-status")).ToHaveAttributeAsync("data-state", "connected");

        await using var context = await browser.SignedInContextAsync(family.Account);
        var page = await context.NewPageAsync();
        string complaintId = "";
        await page.RunAsync(async p =>
        {
            await p.GotoAsync($"/complaints/new?patientId={family.SelfId}");
            await p.Locator("[data-testid=complaint-category][data-value='医疗质量']").ClickAsync();
            await p.GetByTestId("complaint-department").Locator("input").FillAsync(department);
            await p.GetByTestId("complaint-text").Locator("textarea").FillAsync(complaintText);
            await p.GetByTestId("complaint-submit").ClickAsync();
            await Expect(p).ToHaveURLAsync(new Regex("/complaints/[0-9a-f-]{36}$"));
            complaintId = p.Url.Split('/')[^1];
            await Expect(p.GetByTestId("complaint-status-text")).ToHaveTextAsync("已转交处理部门");
            await Expect(p.GetByTestId("complaint")).ToContainTextAsync(group);
        }, "R26_complaint_submitted");

        // R27: the department's officer hears by SMS at once.
        var staffSms = await SmsContainingAsync(officerPhone, department, Wait);
        Assert.Contains("医疗质量", staffSms[0]);

        await admin.RunAsync(async a =>
        {
            // The inbox was open before the complaint came in: it appears live, without a reload or a poll.
            var row = a.Locator($"[data-testid=admin-complaint][data-id='{complaintId}']");
            await Expect(row).ToHaveAttributeAsync("data-status", "routed", new() { Timeout = 10000 });
            await a.Locator($"[data-testid=admin-complaint-open][data-id='{complaintId}']").ClickAsync();
            await Expect(a.GetByTestId("admin-complaint-text")).ToContainTextAsync(complaintText);
            await a.GetByTestId("admin-complaint-acknowledge").ClickAsync();
            await a.GetByTestId("admin-complaint-reply").FillAsync(reply);
            await a.GetByTestId("admin-complaint-reply-send").ClickAsync();
            await Expect(a.GetByTestId("admin-complaint-message")).ToContainTextAsync(reply);
            await Expect(row).ToHaveAttributeAsync("data-status", "replied");
        }, "R27_admin_complaint_reply");

        // R28: the reply reaches the patient's phone and app; the patient answers back and rates the handling.
        await SmsContainingAsync(family.Account.Phone, "回复了您的投诉", Wait);
        await page.RunAsync(async p =>
        {
            await p.GotoAsync("/messages");
            var message = p.Locator("[data-testid=message-item][data-category=complaint]").Filter(new() { HasText = "已回复" });
            await Expect(message).ToBeVisibleAsync(new() { Timeout = 30000 });
            await p.GotoAsync($"/complaints/{complaintId}");
            await Expect(p.Locator("[data-testid=complaint-message][data-from=staff]")).ToContainTextAsync(reply);
            await p.GetByTestId("complaint-answer").Locator("textarea").FillAsync("好的，谢谢，下周二我会按时来。");
            await p.GetByTestId("complaint-answer-send").ClickAsync();
            await Expect(p.Locator("[data-testid=complaint-message][data-from=patient]")).ToContainTextAsync("下周二我会按时来");
            await p.Locator("[data-testid=complaint-rating][data-value='5']").ClickAsync();
            await p.GetByTestId("complaint-rate-send").ClickAsync();
            await Expect(p.GetByTestId("complaint-rated")).ToContainTextAsync("5 星");
            await Expect(p.GetByTestId("complaint-status-text")).ToHaveTextAsync("已办结");
        }, "R28_reply_answered_and_rated");
        await SmsContainingAsync(officerPhone, "下周二我会按时来", Wait);
    }

    [Fact]
    [Trait("Rubric", "R25")]
    [Trait("Rubric", "R29")]
    public async Task A_visit_triggers_the_departments_survey_which_the_patient_fills_in_part_by_part_in_elder_mode()
    {
        var staff = await StackTokens.StaffAsync();
        var department = Unique("验收消化内科");
        var questionnaire = await StaffAsync(staff, HttpMethod.Post, "/api/followup/admin/questionnaires", new
        {
            title = $"{department}门诊满意度调查", purpose = "satisfaction", departmentName = department,
            items = new object[]
            {
                new { linkId = "overall", text = "您对本次就诊的总体满意度", type = "rating", required = true },
                new { linkId = "wait", text = "候诊时间", type = "choice", options = new[] { "10分钟内", "半小时内", "超过半小时" } },
                new { linkId = "good", text = "做得好的方面", type = "multiple", options = new[] { "医生", "护士", "环境" } },
                new { linkId = "nps", text = "您愿意向亲友推荐我院吗", type = "nps" },
                new { linkId = "advice", text = "意见和建议", type = "text" },
            },
        });
        await StaffAsync(staff, HttpMethod.Post, "/api/followup/admin/targeting-rules", new
        {
            trigger = "visit", departmentName = department, questionnaireId = questionnaire.GetProperty("id").GetGuid(), delayHours = 0,
        });
        var family = await SchedulingStack.FamilyAsync(acceptBookingAgreement: false);
        await VisitAsync(family.SelfId, department);

        await ElderModePages.SetAccountElderModeAsync(family.Account, true);
        await using var context = await browser.SignedInContextAsync(family.Account);
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            var survey = p.GetByTestId("survey-todo").Filter(new() { HasText = department });
            await Eventually.Until(async () =>
            {
                await p.GotoAsync("/surveys");
                await p.Locator("[data-testid=survey-todo], [data-testid=surveys-empty]").First.WaitForAsync();
                return await survey.CountAsync();
            }, n => n == 1, Wait, "the department's survey in 我的问卷");
            await survey.ClickAsync();
            await Expect(p.GetByTestId("question")).ToHaveCountAsync(5);
            Assert.True(await p.IsElderModeAsync());
            await Accessibility.AssertElderFriendlyAsync(p);

            // Part of it, then the page is left: the answers given are kept.
            await p.Locator("[data-testid=answer-option][data-value='半小时内']").ClickAsync();
            await p.GetByTestId("answer-text").Locator("textarea").FillAsync("挂号处人太多，希望增加自助机");
            await Expect(p.GetByTestId("survey-note")).ToHaveTextAsync("已自动保存");
            await p.ReloadAsync();
            await Expect(p.GetByTestId("survey")).ToHaveAttributeAsync("data-status", "in-progress");
            await Expect(p.GetByTestId("answer-text").Locator("textarea")).ToHaveValueAsync("挂号处人太多，希望增加自助机");

            // Submitting without the required rating is refused; with it, the survey is done.
            await p.GetByTestId("survey-submit").ClickAsync();
            await Expect(p.GetByTestId("survey-note")).ToContainTextAsync("总体满意度");
            await p.Locator("[data-testid=answer-rating][data-value='4']").ClickAsync();
            await p.Locator("[data-testid=answer-option][data-value='医生']").ClickAsync();
            await p.Locator("[data-testid=answer-nps][data-value='9']").ClickAsync();
            await p.GetByTestId("survey-submit").ClickAsync();
            await Expect(p.GetByTestId("survey")).ToHaveAttributeAsync("data-status", "completed");
            await p.GotoAsync("/surveys");
            await Expect(p.GetByTestId("survey-done").Filter(new() { HasText = department })).ToHaveCountAsync(1);
        }, "R25_survey_after_visit");

        var stats = await StaffAsync(staff, HttpMethod.Get, "/api/followup/admin/stats?days=30");
        var score = stats.GetProperty("scores").EnumerateArray().Single(s => s.GetProperty("department").GetString() == department);
        Assert.Equal(4, score.GetProperty("averageRating").GetDouble());
    }

    [Fact]
    [Trait("Rubric", "R30")]
    public async Task A_follow_up_plan_sends_its_day_7_questionnaire_on_schedule_and_an_out_of_range_answer_alerts_the_care_team()
    {
        var staff = await StackTokens.StaffAsync();
        await ComplaintsOfficeAsync(staff);
        var (team, nursePhone) = (Unique("骨科随访组"), TestPeople.Phone());
        await AddContactAsync(staff, team, "陈护士", nursePhone);
        var questionnaire = await StaffAsync(staff, HttpMethod.Post, "/api/followup/admin/questionnaires", new
        {
            title = "髋关节置换术后随访", purpose = "followup",
            items = new object[]
            {
                new { linkId = "pain", text = "伤口疼痛评分", type = "number", required = true, min = 0, max = 10, alertAbove = 6 },
                new { linkId = "fever", text = "是否发热", type = "choice", required = true, options = new[] { "是", "否" }, alertOptions = new[] { "是" } },
            },
        });
        var qid = questionnaire.GetProperty("id").GetGuid();
        // A department no visit or discharge is announced for: the plan starts only where this test starts it.
        var template = await StaffAsync(staff, HttpMethod.Post, "/api/followup/admin/plan-templates", new
        {
            name = "出院随访（验收）", trigger = "discharge", departmentName = Unique("验收骨科"), careTeamGroup = team,
            steps = new[] { new { day = 7, questionnaireId = qid }, new { day = 30, questionnaireId = qid } },
        });
        var family = await SchedulingStack.FamilyAsync(acceptBookingAgreement: false);
        // Discharged a week ago: the day-7 questionnaire is due now, the day-30 one is not (the schedule, not a sleep).
        await StaffAsync(staff, HttpMethod.Post, "/api/followup/admin/plans", new
        {
            patientId = family.SelfId, templateId = template.GetProperty("id").GetGuid(), startAt = DateTimeOffset.UtcNow.AddDays(-7).AddMinutes(-1),
        });

        await SmsContainingAsync(family.Account.Phone, "随访问卷", Wait);
        await using var context = await browser.SignedInContextAsync(family.Account);
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            await p.GotoAsync("/follow-up");
            var todo = p.GetByTestId("survey-todo");
            await Expect(todo).ToHaveCountAsync(1);
            await Expect(todo).ToContainTextAsync("第7天");
            await todo.ClickAsync();
            await p.GetByTestId("answer-number").Locator("input").FillAsync("8");
            await p.Locator("[data-testid=answer-option][data-value='是']").ClickAsync();
            await p.GetByTestId("survey-submit").ClickAsync();
            await Expect(p.GetByTestId("survey")).ToHaveAttributeAsync("data-status", "completed");
        }, "R30_follow_up_questionnaire");

        var alert = await SmsContainingAsync(nursePhone, "随访异常", Wait);
        Assert.Contains("伤口疼痛评分：8", alert[0]);
        var alerts = await StaffAsync(staff, HttpMethod.Get, $"/api/followup/admin/alerts?group={Uri.EscapeDataString(team)}");
        Assert.Equal("answer-out-of-range", alerts[0].GetProperty("kind").GetString());
    }
}
