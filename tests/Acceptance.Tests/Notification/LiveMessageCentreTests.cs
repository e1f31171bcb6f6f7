using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Acceptance.Tests.Identity;
using Platform.Testing;
using static Microsoft.Playwright.Assertions;

namespace Acceptance.Tests.Notification;

/// <summary>The patient's 消息 page on a phone: a report and a critical value published on the stack's broker arrive
/// live through Notification.API and the hub, the tab shows the unread count, the critical one stands out, and
/// opening a message marks it read and follows its deep link.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveMessageCentreTests(BrowserFixture browser)
{
    /// <summary>A registered account with a verified patient: Identity's PatientRegistered (ids only) tells the message
    /// centre, which reads the name and phone back from Identity.</summary>
    private static async Task<(TestAccount Account, Guid PatientId)> NewPatientAsync()
    {
        var account = await IdentityApi.RegisterAsync();
        var patient = await IdentityApi.AddPatientAsync(account.AccessToken, "self", TestPeople.ChineseName(),
            TestPeople.ResidentId(TestPeople.BornYearsAgo(36)), account.Phone);
        return (account, patient.GetProperty("id").GetGuid());
    }

    private static async Task<int> UnreadCountAsync(string token)
    {
        using var http = new HttpClient { BaseAddress = new Uri(TestEnvironment.EdgeUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var body = await http.GetFromJsonAsync<JsonElement>("/api/notification/messages/unread-count");
        return body.GetProperty("count").GetInt32();
    }

    /// <summary>The tab's badge also counts the hospital's public announcements, which other tests publish while this one
    /// runs: what belongs to the account is the badge less the unread announcements the page lists.</summary>
    private static Task ExpectOwnUnreadAsync(IPage page, int expected) => page.WaitForFunctionAsync("""
        expected => {
          const badge = document.querySelector('[data-testid=unread-badge]')
          const shown = badge ? Number(badge.textContent.trim()) : 0
          const announcements = document.querySelectorAll('[data-testid=message-item][data-category=announcement][data-read=false]').length
          return shown - announcements === expected
        }
        """, expected, new() { Timeout = 15000 });

    [Fact]
    [Trait("Rubric", "R18")]
    public async Task A_report_and_a_critical_value_appear_live_on_the_messages_page()
    {
        var (account, patientId) = await NewPatientAsync();
        var token = account.AccessToken;
        await Eventually.Until(() => UnreadCountAsync(token), n => n == 0, what: "message centre answering for the account");

        await using var context = await browser.SignedInContextAsync(account);
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            await p.GotoAsync("/messages");
            await Expect(p.GetByTestId("messages-empty")).ToBeVisibleAsync();
            await Expect(p.GetByTestId("push-status")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 15000 });

            var reportId = Guid.NewGuid();
            var reportEvent = Guid.CreateVersion7();
            await StackBroker.PublishAsync("Platform.Contracts.Reports", "ReportReadyIntegrationEvent", reportEvent, new
            {
                id = reportEvent, occurredAt = DateTimeOffset.UtcNow, reportId, patientId, hisReportId = "ACC-R-1",
                category = "检验", title = "血常规", issuedAt = DateTimeOffset.UtcNow,
            });
            var report = p.Locator("[data-testid=message-item][data-category=report]");
            await Expect(report).ToBeVisibleAsync(new() { Timeout = 15000 });
            await Expect(report).ToContainTextAsync("报告已出");
            await ExpectOwnUnreadAsync(p, 1);

            var criticalEvent = Guid.CreateVersion7();
            await StackBroker.PublishAsync("Platform.Contracts.Reports", "CriticalValueDetectedIntegrationEvent", criticalEvent, new
            {
                id = criticalEvent, occurredAt = DateTimeOffset.UtcNow, patientId, hisReportId = "ACC-R-2", itemName = "血钾",
                value = "6.8", unit = "mmol/L", referenceRange = "3.5-5.3", detectedAt = DateTimeOffset.UtcNow,
            });
            var critical = p.Locator("[data-testid=message-item][data-category=critical-value]");
            await Expect(critical).ToBeVisibleAsync(new() { Timeout = 15000 });
            await Expect(critical).ToHaveAttributeAsync("data-severity", "critical");
            await Expect(critical.GetByRole(AriaRole.Button, new() { Name = "危急提醒，未读，" })).ToBeVisibleAsync();
            await Expect(p.GetByTestId("critical-announcer")).ToContainTextAsync("危急值提醒");
            await ExpectOwnUnreadAsync(p, 2);
            var own = p.Locator("[data-testid=message-item]:not([data-category=announcement])");
            await Expect(own.First).ToHaveAttributeAsync("data-category", "critical-value"); // newest first
            // The badge is drawn for the eye and the count is spoken from hidden text that extends the visible 消息.
            await Expect(p.GetByRole(AriaRole.Tab, new() { Name = "条未读" })).ToHaveCountAsync(1);
            await Accessibility.AssertNoSeriousViolationsAsync(p);

            await Expect(report).ToHaveAttributeAsync("data-link", $"/reports/{reportId}");
            await report.GetByRole(AriaRole.Button).ClickAsync(); // opens the deep link and marks it read
            await Expect(p).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/messages$"));
        });

        Assert.Equal(1, await UnreadCountAsync(token));
    }

    [Fact]
    [Trait("Rubric", "R15")]
    public async Task A_stop_clinic_notice_and_a_bed_change_reach_the_patient_as_they_happen()
    {
        var (account, patientId) = await NewPatientAsync();
        await using var context = await browser.SignedInContextAsync(account);
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            await p.GotoAsync("/messages");
            await Expect(p.GetByTestId("push-status")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 15000 });

            var stopEvent = Guid.CreateVersion7();
            var startsAt = DateTimeOffset.UtcNow.AddDays(1);
            await StackBroker.PublishAsync("Platform.Contracts.Scheduling", "ClinicStoppedIntegrationEvent", stopEvent, new
            {
                id = stopEvent, occurredAt = DateTimeOffset.UtcNow, sessionId = "ACC-S-1", departmentName = "眼科",
                doctorName = "赵医生", startsAt, endsAt = startsAt.AddHours(4), reason = "设备检修",
                affectedPatientIds = new[] { patientId },
            });
            var stopped = p.Locator("[data-testid=message-item][data-category=clinic-stopped]");
            await Expect(stopped).ToBeVisibleAsync(new() { Timeout = 15000 });
            await Expect(stopped).ToContainTextAsync("停诊");
            await Expect(stopped).ToContainTextAsync("设备检修");

            var bedEvent = Guid.CreateVersion7();
            await StackBroker.PublishAsync("Platform.Contracts.Inpatient", "BedChangedIntegrationEvent", bedEvent, new
            {
                id = bedEvent, occurredAt = DateTimeOffset.UtcNow, patientId, hisEncounterId = "ACC-E-1",
                ward = "心内科二病区", bed = "12床", changedAt = DateTimeOffset.UtcNow,
            });
            var bed = p.Locator("[data-testid=message-item][data-category=inpatient]");
            await Expect(bed).ToBeVisibleAsync(new() { Timeout = 15000 });
            await Expect(bed).ToContainTextAsync("12床");
            await ExpectOwnUnreadAsync(p, 2);
        });
    }
}
