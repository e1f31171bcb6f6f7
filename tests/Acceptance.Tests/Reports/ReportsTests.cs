using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Acceptance.Tests.Identity;
using Microsoft.Playwright;
using Platform.Testing;
using static Microsoft.Playwright.Assertions;

namespace Acceptance.Tests.Reports;

/// <summary>报告查询 (R21): a report the HIS pushes opens from the message, printed with ↑ and the reference range, its
/// plain-language note (X11) and the trend of the item across visits; 谁查看了我的病历 (X10) lists the reads and a
/// refused attempt by another account.</summary>
[Collection(ServicesCollection.Name)]
public sealed class ReportsTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);
    private static readonly HttpClient Edge = new() { BaseAddress = new Uri(TestEnvironment.EdgeUrl), Timeout = TimeSpan.FromSeconds(30) };
    private readonly BrowserFixture browser;

    public ReportsTests(BrowserFixture browser)
    {
        this.browser = browser;
        SetDefaultExpectTimeout(20000);
    }

    /// <summary>A new patient of the HIS with two fasting glucose results (6.4 three months ago, 7.6 today), readable once
    /// the HIS adapter linked them; the newest is the one pushed.</summary>
    private static async Task<(TestAccount Account, Guid PatientId, string Newest)> PatientWithReportsAsync(HisSimulator his)
    {
        var account = await IdentityApi.RegisterAsync();
        var (hisPatient, patientId) = await his.AddNewPatientAsync(account);
        await his.AddGlucoseReportAsync(hisPatient, 6.4m, 90);
        var newest = await his.AddGlucoseReportAsync(hisPatient, 7.6m, 0);
        await Eventually.Until(async () => await StatusAsync(account.AccessToken, $"/api/reports/patients/{patientId}/reports?refresh=true", newest),
            found => found, Wait, "the patient's reports through the HIS adapter");
        return (account, patientId, newest);
    }

    /// <summary>Whether the answer is 200 and (when given) mentions the text.</summary>
    private static async Task<bool> StatusAsync(string token, string path, string? contains = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await Edge.SendAsync(request);
        return response.IsSuccessStatusCode && (contains is null || (await response.Content.ReadAsStringAsync()).Contains(contains));
    }

    [Fact]
    [Trait("Rubric", "R21")]
    [Trait("Rubric", "X11")]
    public async Task A_report_the_HIS_pushes_opens_from_the_message_with_ranges_a_plain_language_note_and_the_trend()
    {
        using var his = new HisSimulator();
        var (account, patientId, newest) = await PatientWithReportsAsync(his);
        await his.PushAsync(new { type = "report-ready", reportId = newest });

        await using var context = await browser.SignedInContextAsync(account);
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            await p.GotoAsync("/messages");
            var message = p.Locator("[data-testid=message-item][data-category=report]");
            await Expect(message).ToBeVisibleAsync(new() { Timeout = 60000 });
            await message.GetByRole(AriaRole.Button).ClickAsync();
            await Expect(p).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/reports/[0-9a-f-]{36}$"));

            var item = p.Locator("[data-testid=report-item][data-loinc='14749-6']");
            await Expect(item).ToHaveAttributeAsync("data-abnormal", "true");
            await Expect(item).ToContainTextAsync("7.6");
            await Expect(item).ToContainTextAsync("↑");
            await Expect(item).ToContainTextAsync("3.9-6.1");
            await Expect(p.GetByTestId("report-watermark")).ToContainTextAsync("查看");
            var note = p.Locator("[data-testid=explanation][data-loinc='14749-6']");
            await Expect(note).ToContainTextAsync("空腹");
            await Expect(note).ToContainTextAsync("来源");
            await Expect(note).ToContainTextAsync("不是诊断");

            await item.GetByRole(AriaRole.Link).ClickAsync();
            await Expect(p.GetByTestId("trend-point")).ToHaveCountAsync(2);
            await Expect(p.GetByTestId("trend-values")).ToContainTextAsync("6.4");
            await Expect(p.GetByTestId("trend-range")).ToContainTextAsync("3.9-6.1");
            await Expect(p.GetByTestId("trend-chart").Locator("svg")).ToBeVisibleAsync();
        });
    }

    [Fact]
    [Trait("Rubric", "R21")]
    public async Task An_imaging_report_shows_the_radiologists_key_images_under_the_readers_watermark()
    {
        using var his = new HisSimulator();
        var account = await IdentityApi.RegisterAsync();
        var (hisPatient, patientId) = await his.AddNewPatientAsync(account);
        var film = await his.AddChestFilmReportAsync(hisPatient);
        await Eventually.Until(async () => await StatusAsync(account.AccessToken, $"/api/reports/patients/{patientId}/reports?refresh=true", film),
            found => found, Wait, "the chest film through the HIS adapter");

        await using var context = await browser.SignedInContextAsync(account);
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            await p.GotoAsync("/reports");
            await p.GetByRole(AriaRole.Tab, new() { Name = "检查报告" }).ClickAsync();
            await p.GetByTestId("report-row").Filter(new() { HasText = "胸部正位片" }).ClickAsync();
            await Expect(p.GetByTestId("report-sheet")).ToContainTextAsync("右肺下野小结节");
            var image = p.GetByTestId("key-image");
            await Expect(image).ToHaveCountAsync(1);
            await Expect(image).ToHaveAttributeAsync("alt", "关键图像：病灶层面");
            // The bytes arrived and decoded: a picture, not a broken-image box.
            await p.WaitForFunctionAsync("() => document.querySelector('[data-testid=key-image]')?.naturalWidth > 100");
            await Expect(p.GetByTestId("report-watermark")).ToContainTextAsync("查看");
            await image.ClickAsync();
            await Expect(p.Locator("[data-testid=key-images] button[aria-pressed=true]")).ToHaveCountAsync(1);

            // 下载PDF: fetched with the patient's token and handed to the browser as a file, watermarked server-side.
            var download = await p.RunAndWaitForDownloadAsync(() => p.GetByTestId("report-pdf").ClickAsync());
            Assert.EndsWith(".pdf", download.SuggestedFilename);
            var pdf = await File.ReadAllBytesAsync((await download.PathAsync())!);
            Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
        });
    }

    [Fact]
    [Trait("Rubric", "X10")]
    public async Task The_patient_sees_who_read_the_record_including_a_refused_attempt_by_another_account()
    {
        using var his = new HisSimulator();
        var (account, patientId, _) = await PatientWithReportsAsync(his);
        // Another account asks for this patient's reports: refused, nothing revealed, and recorded.
        var stranger = await IdentityApi.RegisterAsync();
        using (var request = new HttpRequestMessage(HttpMethod.Get, $"/api/reports/patients/{patientId}/reports"))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", stranger.AccessToken);
            using var response = await Edge.SendAsync(request);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal("record_forbidden", JsonDocument.Parse(body).RootElement.GetProperty("code").GetString());
            Assert.DoesNotContain("血糖", body);
        }

        await using var context = await browser.SignedInContextAsync(account);
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            await p.GotoAsync("/reports");
            await p.GetByTestId("report-row").First.ClickAsync();
            await Expect(p.GetByTestId("report-sheet")).ToBeVisibleAsync();
            await p.GotoAsync("/reports/access-log");
            var entries = p.GetByTestId("access-entry");
            await Expect(entries.Filter(new() { HasText = "您本人（本账号）查看了空腹血糖" })).ToHaveCountAsync(1);
            var refused = entries.Filter(new() { HasText = "其他账号" });
            await Expect(refused).ToHaveCountAsync(1);
            await Expect(refused).ToContainTextAsync("已拒绝");
        });
    }
}
