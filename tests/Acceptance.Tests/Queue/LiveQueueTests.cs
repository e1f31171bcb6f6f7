using Acceptance.Tests.Identity;
using Acceptance.Tests.Scheduling;
using Microsoft.Playwright;
using Platform.Testing;
using static Microsoft.Playwright.Assertions;

namespace Acceptance.Tests.Queue;

/// <summary>报到 and the live queue (R20) as a patient and a doctor use them: the patient checks in with the clinic's QR
/// code, watches the line move as the doctor calls in a second browser, and is told when called; a forged or expired
/// code is refused.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveQueueTests
{
    private readonly BrowserFixture browser;

    public LiveQueueTests(BrowserFixture browser)
    {
        this.browser = browser;
        SetDefaultExpectTimeout(20000);
    }

    [Fact]
    [Trait("Rubric", "R20")]
    public async Task A_patient_checks_in_by_the_clinic_code_and_follows_the_doctors_calls_live()
    {
        var clinic = await QueueStack.ClinicAsync();
        var other = await SchedulingStack.FamilyAsync(acceptBookingAgreement: false);
        var family = await SchedulingStack.FamilyAsync(acceptBookingAgreement: false);
        var earlier = await clinic.BookAsync(other.ParentId, TimeSpan.FromMinutes(5));
        await clinic.BookAsync(family.ParentId, TimeSpan.FromMinutes(10));
        await clinic.CheckInByApiAsync(other.Account.AccessToken, earlier);

        await using var doctorContext = await browser.NewContextAsync(PatientSession.Desktop, new Dictionary<string, string>
        {
            ["platform.doctor.token"] = clinic.DoctorToken,
            ["doctor.queueId"] = clinic.QueueId.ToString(),
        });
        var desk = await doctorContext.NewPageAsync();
        await using var context = await browser.SignedInContextAsync(family.Account);
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            // The QR code the doctor's screen shows opens 扫码报到 for the parent's appointment in this room.
            await p.GotoAsync(await clinic.CheckInPathAsync());
            var item = p.GetByTestId("checkin-item");
            await Expect(item).ToHaveCountAsync(1);
            await Expect(item).ToContainTextAsync(family.ParentName);
            await item.GetByTestId("checkin-submit").ClickAsync();

            // The app routes within the page: the address is polled, not a load event awaited (a busy CI saw none in 30 s).
            await Expect(p).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/queue(\\?|$)"));
            var ticket = p.GetByTestId("queue-ticket");
            await Expect(ticket).ToHaveAttributeAsync("data-status", "waiting");
            await Expect(ticket.GetByTestId("queue-my-number")).ToHaveTextAsync("2");
            await Expect(ticket.GetByTestId("queue-ahead")).ToHaveTextAsync("1");
            await Expect(ticket.GetByTestId("queue-calling")).ToHaveTextAsync("—");
            await Expect(ticket.GetByTestId("queue-wait")).ToContainTextAsync("前面还有 1 人，预计等待约 8 分钟");
            await Expect(p.GetByTestId("push-status")).ToHaveAttributeAsync("data-state", "connected");
            await p.EvaluateAsync("() => { window.__noReload = true }");

            // The doctor calls the earlier appointment: the patient's line moves without a reload.
            await desk.GotoAsync("/doctor/queue");
            await Expect(desk.GetByTestId("desk-waiting")).ToContainTextAsync("2 号");
            await desk.Keyboard.PressAsync("n");
            await Expect(desk.GetByTestId("desk-calling")).ToHaveTextAsync("1 号");
            await Expect(ticket.GetByTestId("queue-calling")).ToHaveTextAsync("1", new() { Timeout = 30000 });
            await Expect(ticket.GetByTestId("queue-ahead")).ToHaveTextAsync("0");
            await Expect(ticket.GetByTestId("queue-wait")).ToContainTextAsync("下一位就是您");

            // Then the patient's own number: called, told on the page and in the message centre.
            await desk.GetByTestId("desk-call-next").ClickAsync();
            await Expect(desk.GetByTestId("desk-calling")).ToHaveTextAsync("2 号");
            await Expect(ticket).ToHaveAttributeAsync("data-status", "called", new() { Timeout = 30000 });
            await Expect(ticket.GetByTestId("queue-wait")).ToContainTextAsync("已叫到您");
            await Expect(p.GetByText($"请 2 号到 {clinic.Location} 就诊")).ToBeVisibleAsync();
            Assert.True(await p.EvaluateAsync<bool>("() => window.__noReload === true"));

            await p.GotoAsync("/messages");
            await Expect(p.GetByText("叫号提醒").First).ToBeVisibleAsync(new() { Timeout = 30000 });
        }, "R20_live_queue");
    }

    [Fact]
    [Trait("Rubric", "R20")]
    public async Task A_forged_or_expired_check_in_code_is_refused()
    {
        var clinic = await QueueStack.ClinicAsync();
        var family = await SchedulingStack.FamilyAsync(acceptBookingAgreement: false);
        await clinic.BookAsync(family.SelfId, TimeSpan.FromMinutes(10));
        var genuine = Uri.UnescapeDataString((await clinic.CheckInPathAsync()).Split("code=")[1]);

        await using var context = await browser.SignedInContextAsync(family.Account);
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            var forged = genuine[..^4] + (genuine.EndsWith("AAAA") ? "BBBB" : "AAAA");
            await p.GotoAsync($"/checkin?code={Uri.EscapeDataString(forged)}");
            await Expect(p.GetByTestId("checkin-error")).ToContainTextAsync("报到码无效");

            // A code signed long ago (its expiry in the past) with the stack's development key is refused as expired.
            var expired = ExpiredCode(clinic.Location);
            await p.GotoAsync($"/checkin?code={Uri.EscapeDataString(expired)}");
            await Expect(p.GetByTestId("checkin-error")).ToContainTextAsync("报到码已过期");
            await Expect(p.GetByTestId("checkin-item")).ToHaveCountAsync(0);
        }, "R20_forged_code");
    }

    private static string ExpiredCode(string location)
    {
        var key = Environment.GetEnvironmentVariable("PLATFORM_QUEUE_CHECKIN_CODE_KEY") is { Length: > 0 } k
            ? k : "queue-local-check-in-code-signing-key-0123456789";
        var body = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(
            new { Loc = location, Exp = DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeSeconds() }));
        var mac = System.Security.Cryptography.HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key), System.Text.Encoding.UTF8.GetBytes(body));
        return $"{body}.{Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(mac)}";
    }
}
