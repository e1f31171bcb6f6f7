using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Acceptance.Tests.Hospital;

/// <summary>The staff publishing workflow end to end in the admin console: an editor changes a guide and submits it,
/// cannot publish it themselves, a reviewer previews and publishes it, the audit shows who changed which field, and
/// the patient page shows the change.</summary>
[Collection(PagesCollection.Name)]
public sealed class ContentPublishingTests
{
    private readonly BrowserFixture browser;

    public ContentPublishingTests(BrowserFixture browser)
    {
        this.browser = browser;
        SetDefaultExpectTimeout(15000);
    }

    private const string GuideKey = "exam-flow";

    private async Task<IPage> OpenGuideAsync(IBrowserContext context)
    {
        var admin = await context.NewPageAsync();
        await admin.GotoAsync("/admin/content");
        await admin.GetByRole(AriaRole.Tab, new() { Name = "就医指南与预约须知" }).ClickAsync();
        await admin.Locator($"[data-testid=content-edit][data-key={GuideKey}]").ClickAsync();
        await Expect(admin.GetByTestId("content-panel")).ToBeVisibleAsync();
        return admin;
    }

    [Fact]
    [Trait("Rubric", "R09")]
    public async Task An_editor_drafts_and_submits_a_reviewer_publishes_and_patients_see_the_change()
    {
        var summary = $"检查前请阅读准备事项（{DateTime.UtcNow:HHmmss}更新）";
        var editorToken = await StackTokens.StaffAsync("editor", "Editor@2026");
        var reviewerToken = await StackTokens.StaffAsync("reviewer", "Reviewer@2026");

        await using (var editorContext = await browser.NewContextAsync(PatientSession.Desktop,
            new Dictionary<string, string> { ["platform.staff.token"] = editorToken }))
        {
            var admin = await OpenGuideAsync(editorContext);
            await admin.RunAsync(async a =>
            {
                // A revision left in review by an earlier run goes back to draft first.
                if (await a.GetByTestId("content-withdraw").IsVisibleAsync()) await a.GetByTestId("content-withdraw").ClickAsync();
                await a.GetByTestId("content-field-summary").FillAsync(summary);
                await a.GetByTestId("content-save").ClickAsync();
                await Expect(a.GetByTestId("revision-status")).ToHaveAttributeAsync("data-status", "draft");
                await a.GetByTestId("content-submit").ClickAsync();
                await Expect(a.GetByTestId("revision-status")).ToHaveAttributeAsync("data-status", "in_review");

                await a.GetByTestId("content-publish").ClickAsync();
                await Expect(a.GetByText("不能审核自己编辑的内容").First).ToBeVisibleAsync();
                await Expect(a.GetByTestId("revision-status")).ToHaveAttributeAsync("data-status", "in_review");
            }, "ContentPublishing_editor");
        }

        await using var patientContext = await browser.NewContextAsync();
        var patient = await patientContext.NewPageAsync();
        await patient.GotoAsync($"/guide/{GuideKey}");
        await Expect(patient.GetByTestId("guide-title")).ToHaveTextAsync("检查检验指南");
        await Expect(patient.GetByText(summary)).ToHaveCountAsync(0);

        await using (var reviewerContext = await browser.NewContextAsync(PatientSession.Desktop,
            new Dictionary<string, string> { ["platform.staff.token"] = reviewerToken }))
        {
            var admin = await OpenGuideAsync(reviewerContext);
            await admin.RunAsync(async a =>
            {
                await a.GetByRole(AriaRole.Tab, new() { Name = "患者视角预览" }).ClickAsync();
                await Expect(a.GetByTestId("content-preview")).ToContainTextAsync(summary);
                await a.GetByTestId("content-publish").ClickAsync();
                await Expect(a.GetByTestId("revision-status")).ToHaveCountAsync(0);
                await Expect(a.GetByTestId("published-state")).ToContainTextAsync("reviewer");

                await a.GetByRole(AriaRole.Tab, new() { Name = "修改记录" }).ClickAsync();
                var audit = a.GetByTestId("audit-table");
                await Expect(audit).ToContainTextAsync("审核发布");
                await Expect(audit).ToContainTextAsync("reviewer");
                await Expect(audit).ToContainTextAsync("editor");
                await Expect(audit.GetByTestId("audit-change").Filter(new() { HasText = summary }).First).ToContainTextAsync("摘要");
            }, "ContentPublishing_reviewer");
        }

        await patient.ReloadAsync();
        await Expect(patient.GetByText(summary)).ToBeVisibleAsync();
        await patient.GotoAsync("/guide");
        await Expect(patient.Locator($"[data-testid=guide-item][data-key={GuideKey}]")).ToContainTextAsync(summary);
        await Expect(patient).ToHaveURLAsync(new Regex("/guide$"));
    }
}
