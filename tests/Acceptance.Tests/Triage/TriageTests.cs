using System.Net.Http.Json;
using System.Text.Json;
using Acceptance.Tests.ElderMode;
using Acceptance.Tests.Identity;
using Acceptance.Tests.Scheduling;
using Microsoft.Playwright;
using Platform.Testing;
using static Microsoft.Playwright.Assertions;

namespace Acceptance.Tests.Triage;

/// <summary>智能导诊 (R13) on a phone: who → body map → symptoms → follow-up questions → ranked departments with reasons and a
/// score bar → that department's bookable slots; a danger sign stops the flow with the 120 / 急诊 warning. Also in elder mode.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TriageTests
{
    private const string ChestPainWithSweating = "胸口压榨样疼痛半小时，向左肩放射，出冷汗";
    private const string ChildFeverAndCough = "孩子发烧两天，38.5度，咳嗽，流鼻涕";

    private static readonly HttpClient Http = new() { BaseAddress = new Uri(TestEnvironment.EdgeUrl), Timeout = TimeSpan.FromSeconds(30) };
    private readonly BrowserFixture browser;

    public TriageTests(BrowserFixture browser)
    {
        this.browser = browser;
        SetDefaultExpectTimeout(20000);
    }

    [Fact]
    [Trait("Rubric", "R13")]
    public async Task Chest_pain_with_sweating_stops_the_flow_with_120_and_the_emergency_departments_location()
    {
        var er = await EmergencyDepartmentAsync();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            await p.GotoAsync("/");
            await p.GetByTestId("service-triage").ClickAsync();
            await EnterSubjectAsync(p, "triage-who-other", age: 58, sex: "M");
            await Expect(p.GetByTestId("body-map")).ToHaveAttributeAsync("data-figure", "male");
            await ChooseRegionAsync(p, "胸部");
            await DescribeAsync(p, ChestPainWithSweating);

            var warning = p.GetByTestId("triage-emergency");
            await Expect(warning).ToBeVisibleAsync();
            await Expect(warning).ToHaveAttributeAsync("role", "alertdialog");
            await Expect(p.GetByTestId("triage-call-120")).ToHaveAttributeAsync("href", "tel:120");
            await Expect(p.GetByTestId("triage-call-120")).ToContainTextAsync("120");
            await Expect(p.GetByTestId("triage-emergency-reasons")).Not.ToBeEmptyAsync();
            await Expect(p.GetByTestId("triage-er")).ToContainTextAsync(er.GetProperty("name").GetString()!);
            await Expect(p.GetByTestId("triage-er-location")).ToContainTextAsync(er.GetProperty("building").GetString()!);
            // The flow stops: no department ranking, and the warning covers the screen.
            await Expect(p.GetByTestId("triage-result")).ToHaveCountAsync(0);
            var covers = await warning.EvaluateAsync<bool>("el => { const r = el.getBoundingClientRect(); return r.top <= 0 && r.left <= 0 && r.right >= document.documentElement.clientWidth && r.bottom >= innerHeight }");
            Assert.True(covers, "急诊提示应覆盖整个屏幕");

            await p.GetByTestId("triage-er-navigate").ClickAsync();
            await Expect(p).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/navigation\\?to="));
        });
    }

    [Fact]
    [Trait("Rubric", "R13")]
    public async Task A_child_with_fever_and_cough_is_sent_to_paediatrics_with_reasons_and_one_tap_reaches_its_slots()
    {
        var family = await SchedulingStack.FamilyAsync();
        await using var context = await browser.SignedInContextAsync(family.Account);
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            // Entry from 预约挂号.
            await p.GotoAsync("/booking");
            await p.GetByTestId("booking-triage").ClickAsync();
            await ChildTriageToPaediatricsAsync(p);
        });
    }

    [Fact]
    [Trait("Rubric", "R13")]
    public async Task A_family_members_age_and_sex_come_from_their_profile()
    {
        var family = await SchedulingStack.FamilyAsync();
        var patients = await IdentityApi.GetAsync(family.Account.AccessToken, "/api/identity/me/patients");
        var parent = patients.EnumerateArray().First(x => x.GetProperty("id").GetGuid() == family.ParentId);
        var expectedAge = DateTime.Today.Year - parent.GetProperty("birthYear").GetInt32();
        var expectedSex = parent.GetProperty("gender").GetString() == "female" ? "F" : "M";
        await using var context = await browser.SignedInContextAsync(family.Account);
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            await p.GotoAsync("/triage");
            var parentChoice = p.Locator($"[data-testid=triage-who-patient][data-id='{family.ParentId}']");
            await parentChoice.ClickAsync();
            await Expect(parentChoice).ToHaveAttributeAsync("aria-checked", "true");
            await Expect(p.Input("triage-age")).ToHaveValueAsync(expectedAge.ToString());
            await Expect(p.GetByTestId($"triage-sex-{expectedSex}")).ToHaveAttributeAsync("aria-checked", "true");
            await p.GetByTestId("triage-who-next").ClickAsync();
            await Expect(p.GetByTestId("body-map")).ToHaveAttributeAsync("data-figure", expectedSex == "F" ? "female" : "male");
            await Expect(p.GetByTestId("triage-subject")).ToContainTextAsync(family.ParentName);
        });
    }

    [Fact]
    [Trait("Rubric", "R13")]
    [Trait("Rubric", "X06")]
    public async Task Elder_mode_triage_is_large_labelled_and_reaches_the_same_answers()
    {
        var family = await SchedulingStack.FamilyAsync();
        await ElderModePages.SetAccountElderModeAsync(family.Account, true);
        await using var context = await browser.SignedInContextAsync(family.Account);
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            await p.OpenInElderModeAsync("/", "scene-pre-visit");
            await p.GetByTestId("service-triage").ClickAsync();
            await p.GetByTestId("triage-who").WaitForAsync();
            await Accessibility.AssertElderFriendlyAsync(p);

            await EnterSubjectAsync(p, "triage-who-child", age: 6, sex: "M");
            await Expect(p.GetByTestId("body-map")).ToHaveAttributeAsync("data-figure", "child");
            // Every region of the map is a labelled control, for the front and the back.
            foreach (var view in new[] { "front", "back" })
            {
                await p.GetByTestId($"body-view-{view}").ClickAsync();
                var regions = p.Locator("svg [data-testid=body-region]");
                Assert.True(await regions.CountAsync() >= 11, "人体图的部位");
                foreach (var label in await regions.EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('aria-label') || '')"))
                    Assert.False(string.IsNullOrWhiteSpace(label), "人体图部位缺少 aria-label");
                await Accessibility.AssertElderFriendlyAsync(p);
            }
            await p.GetByTestId("body-view-front").ClickAsync();
            // Keyboard: a region is chosen with Enter.
            await p.Locator("[data-testid=body-region][data-region=胸部]").FocusAsync();
            await p.Keyboard.PressAsync("Enter");
            await Expect(p.Locator("[data-testid=body-region][data-region=胸部]")).ToHaveAttributeAsync("aria-pressed", "true");
            await ChooseRegionAsync(p, "全身");
            await DescribeAsync(p, ChildFeverAndCough, checkElder: true);
            await AnswerOrSkipQuestionsAsync(p, checkElder: true);
            await AssertPaediatricsFirstAsync(p);
            await Accessibility.AssertElderFriendlyAsync(p);
            await OpenFirstDepartmentsSlotsAsync(p);

            await p.GotoAsync("/triage");
            await EnterSubjectAsync(p, "triage-who-other", age: 58, sex: "M");
            await ChooseRegionAsync(p, "胸部");
            await DescribeAsync(p, ChestPainWithSweating);
            await Expect(p.GetByTestId("triage-emergency")).ToBeVisibleAsync();
            await Expect(p.GetByTestId("triage-call-120")).ToHaveAttributeAsync("href", "tel:120");
            await Expect(p.GetByTestId("triage-er-location")).Not.ToBeEmptyAsync();
            await Accessibility.AssertElderFriendlyAsync(p);
        });
    }

    private static async Task ChildTriageToPaediatricsAsync(IPage p)
    {
        await EnterSubjectAsync(p, "triage-who-child", age: 6, sex: "M");
        await Expect(p.GetByTestId("body-map")).ToHaveAttributeAsync("data-figure", "child");
        await ChooseRegionAsync(p, "全身");
        await DescribeAsync(p, ChildFeverAndCough);
        await AnswerOrSkipQuestionsAsync(p);
        await AssertPaediatricsFirstAsync(p);
        await OpenFirstDepartmentsSlotsAsync(p);
    }

    private static async Task EnterSubjectAsync(IPage p, string choice, int age, string sex)
    {
        await p.GetByTestId(choice).ClickAsync();
        await p.Input("triage-age").FillAsync(age.ToString());
        await p.GetByTestId($"triage-sex-{sex}").ClickAsync();
        await p.GetByTestId("triage-who-next").ClickAsync();
        await Expect(p.GetByTestId("body-map")).ToBeVisibleAsync();
    }

    // The pill beside the figure is the region's touch target (the drawn shape works too, but may be small).
    private static async Task ChooseRegionAsync(IPage p, string region)
    {
        var control = p.Locator($"[data-testid=body-region][data-region='{region}']");
        var pill = control.GetByTestId("body-region-pill");
        if (await pill.CountAsync() > 0) await pill.ClickAsync();
        else await control.ClickAsync();
        await Expect(control).ToHaveAttributeAsync("aria-pressed", "true");
        await p.GetByTestId("triage-body-next").ClickAsync();
        await Expect(p.GetByTestId("triage-symptoms")).ToBeVisibleAsync();
    }

    private static async Task DescribeAsync(IPage p, string complaint, bool checkElder = false)
    {
        await p.GetByTestId("triage-complaint").Locator("textarea").FillAsync(complaint);
        if (checkElder) await Accessibility.AssertElderFriendlyAsync(p);
        await p.GetByTestId("triage-assess").ClickAsync();
    }

    // Follow-up questions come when the knowledge base has some for these symptoms (at most two rounds): answer 否.
    private static async Task AnswerOrSkipQuestionsAsync(IPage p, bool checkElder = false)
    {
        var questions = p.GetByTestId("triage-questions");
        var result = p.GetByTestId("triage-result");
        await Expect(questions.Or(result)).ToBeVisibleAsync();
        for (var round = 0; round < 2 && await questions.IsVisibleAsync(); round++)
        {
            foreach (var question in await p.GetByTestId("triage-question").AllAsync())
                await question.Locator("[data-testid=triage-answer][data-value=false]").ClickAsync();
            if (checkElder) await Accessibility.AssertElderFriendlyAsync(p);
            var asked = string.Join(",", await p.GetByTestId("triage-question").EvaluateAllAsync<string[]>("qs => qs.map(q => q.dataset.id)"));
            await p.GetByTestId("triage-questions-submit").ClickAsync();
            await p.WaitForFunctionAsync("""
                asked => document.querySelector('[data-testid=triage-page]')?.dataset.step === 'result'
                  || [...document.querySelectorAll('[data-testid=triage-question]')].map(q => q.dataset.id).join(',') !== asked
                """, asked);
        }
        await Expect(result).ToBeVisibleAsync();
    }

    private static async Task AssertPaediatricsFirstAsync(IPage p)
    {
        var first = p.Locator("[data-testid=triage-department][data-rank='1']");
        await Expect(first).ToHaveAttributeAsync("data-name", "儿科");
        await Expect(first.GetByTestId("triage-reasons").Locator("li").First).Not.ToBeEmptyAsync();
        var score = int.Parse((await first.GetByTestId("triage-score").GetAttributeAsync("aria-valuenow"))!);
        Assert.InRange(score, 1, 100);
        await Expect(p.GetByTestId("triage-disclaimer")).ToContainTextAsync("选择");
    }

    private static async Task OpenFirstDepartmentsSlotsAsync(IPage p)
    {
        await p.Locator("[data-testid=triage-department][data-rank='1']").GetByTestId("triage-book").ClickAsync();
        await Expect(p.GetByTestId("booking-flow")).ToHaveAttributeAsync("data-step", "schedule");
        await Expect(p.GetByTestId("booking-department")).ToContainTextAsync("儿科");
    }

    private static async Task<JsonElement> EmergencyDepartmentAsync()
    {
        var departments = await Http.GetFromJsonAsync<JsonElement>("/api/hospital/departments");
        return departments.EnumerateArray().First(d => d.GetProperty("name").GetString()!.Contains("急诊"));
    }
}
