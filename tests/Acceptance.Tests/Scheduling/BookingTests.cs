using System.Globalization;
using System.Text.RegularExpressions;
using Acceptance.Tests.ElderMode;
using Acceptance.Tests.Identity;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Acceptance.Tests.Scheduling;

/// <summary>预约挂号 through the patient pages on a phone (campus → department → date strip → session → slot → 就诊人 →
/// confirm → live progress), and staff 停诊 in the admin console reaching the patient's appointment.</summary>
[Collection(FaultsCollection.Name)]
public sealed partial class BookingTests
{
    private readonly BrowserFixture browser;

    public BookingTests(BrowserFixture browser)
    {
        this.browser = browser;
        SetDefaultExpectTimeout(20000);
    }

    /// <summary>Walks the flow from 预约挂号 on the home page to the confirm step for <paramref name="session"/>.</summary>
    private static async Task WalkToConfirmAsync(IPage p, BookableSession session)
    {
        await p.GotoAsync("/");
        await p.GetByTestId("service-booking").ClickAsync();
        await p.Locator($"[data-testid=campus-item][data-campus='{session.Campus}']").ClickAsync();
        await p.Locator($"[data-testid=booking-dept-item][data-id='{session.DepartmentId}']").ClickAsync();
        await p.Locator($"[data-testid=date-item][data-date='{session.Date}']").ClickAsync();
        var sessionItem = p.Locator($"[data-testid=session-item][data-id='{session.SessionId}']");
        await Expect(sessionItem.GetByTestId("session-fee")).ToContainTextAsync("元");
        await Expect(sessionItem.GetByTestId("session-remaining")).ToContainTextAsync("余号");
        await sessionItem.GetByTestId("session-choose").ClickAsync();
        await p.Locator("[data-testid=slot-item]:not([disabled])").First.ClickAsync();
        await Expect(p.GetByTestId("booking-confirm")).ToBeVisibleAsync();
    }

    /// <summary>Submits; while Scheduling has not yet heard of a just-added patient or agreement (events), the page
    /// shows the refusal and the patient submits again, as a person would.</summary>
    private static async Task<Guid> SubmitAsync(IPage p)
    {
        for (var attempt = 0; ; attempt++)
        {
            await p.GetByTestId("booking-submit").ClickAsync();
            var done = p.WaitForURLAsync(AppointmentUrl(), new() { Timeout = 45000 });
            var refused = p.GetByTestId("booking-error").WaitForAsync(new() { Timeout = 45000 });
            await Task.WhenAny(done, refused);
            if (done.IsCompletedSuccessfully || AppointmentUrl().IsMatch(p.Url)) break;
            if (!refused.IsCompletedSuccessfully) await done; // neither came: fail with the wait's own message
            var code = await p.GetByTestId("booking-error").GetAttributeAsync("data-code");
            Assert.True(attempt < 10 && code is "patient_not_linked" or "agreement_required", $"预约被拒绝：{code}");
            await p.WaitForFunctionAsync("() => !document.querySelector('[data-testid=booking-submit] .van-loading')");
        }
        return Guid.Parse(AppointmentUrl().Match(p.Url).Groups[1].Value);
    }

    [GeneratedRegex("/appointments/([0-9a-f-]{36})$")]
    private static partial Regex AppointmentUrl();

    [Fact]
    [Trait("Rubric", "R14")]
    public async Task A_patient_books_a_slot_for_a_parent_through_the_pages_and_sees_it_in_my_appointments()
    {
        var family = await SchedulingStack.FamilyAsync();
        var session = await SchedulingStack.FindSessionAsync();
        await using var context = await browser.SignedInContextAsync(family.Account);
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            await WalkToConfirmAsync(p, session);
            await p.Locator($"[data-testid=booking-patient][data-id='{family.ParentId}']").ClickAsync();
            await Expect(p.Locator($"[data-testid=booking-patient][data-id='{family.ParentId}']")).ToHaveAttributeAsync("aria-checked", "true");
            var id = await SubmitAsync(p);

            await Expect(p.GetByTestId("appointment-status")).ToHaveAttributeAsync("data-status", "awaitingPayment", new() { Timeout = 30000 });
            await Payment.WeChatPaySimulator.PayOnPageAsync(p);
            await Expect(p.GetByTestId("appointment-status")).ToHaveAttributeAsync("data-status", "booked", new() { Timeout = 30000 });
            await Expect(p.GetByTestId("appointment-patient")).ToContainTextAsync(family.ParentName);

            await p.GotoAsync("/mine");
            await p.GetByTestId("mine-appointments").ClickAsync();
            var item = p.Locator($"[data-testid=appointment-item][data-id='{id}']");
            await Expect(item).ToBeVisibleAsync();
            await Expect(item).ToHaveAttributeAsync("data-patient-id", family.ParentId.ToString());
            await Expect(item.GetByTestId("appointment-item-patient")).ToHaveTextAsync(family.ParentName);
            await Expect(item.GetByTestId("appointment-item-status")).ToHaveTextAsync("已预约");
        });
    }

    [Fact]
    [Trait("Rubric", "R17")]
    public async Task The_progress_page_moves_to_booked_live_without_a_reload_and_keeps_it_after_one()
    {
        var family = await SchedulingStack.FamilyAsync();
        var session = await SchedulingStack.FindSessionAsync();
        await using var context = await browser.SignedInContextAsync(family.Account);
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            await WalkToConfirmAsync(p, session);
            await Expect(p.GetByTestId("push-status")).ToHaveAttributeAsync("data-state", "connected");
            // The HIS answers only when the test lets it, so the page shows 锁号中 however busy the machine is.
            await SchedulingStack.HoldHisWritesAsync(true);
            try
            {
                await SubmitAsync(p);
                await Expect(p.GetByTestId("appointment-status")).ToHaveAttributeAsync("data-status", "locking");
                await Expect(p.Locator("[data-testid=progress-step][data-status=locking]")).ToHaveAttributeAsync("data-state", "current");
                // The push moves it on: same document, no navigation (a marker set now would vanish with a reload).
                await p.EvaluateAsync("() => { window.__noReload = true }");
                await SchedulingStack.HoldHisWritesAsync(false);
                await Expect(p.GetByTestId("appointment-status")).ToHaveAttributeAsync("data-status", "awaitingPayment", new() { Timeout = 45000 });
                await Expect(p.GetByTestId("appointment-status")).ToHaveTextAsync("待支付");
                await Payment.WeChatPaySimulator.PayOnPageAsync(p);
                await Expect(p.GetByTestId("appointment-status")).ToHaveAttributeAsync("data-status", "booked", new() { Timeout = 45000 });
                await Expect(p.GetByTestId("appointment-status")).ToHaveTextAsync("已预约");
                Assert.True(await p.EvaluateAsync<bool>("() => window.__noReload === true"));
                // 已预约 arrived by the push itself (the page's own re-reads do not set this).
                await Expect(p.GetByTestId("appointment")).ToHaveAttributeAsync("data-last-live-status", "booked");
            }
            finally
            {
                await SchedulingStack.HoldHisWritesAsync(false);
            }
            await Expect(p.Locator("[data-testid=progress-step][data-status=awaitingPayment]")).ToHaveAttributeAsync("data-state", "done");
            await Expect(p.Locator("[data-testid=progress-step][data-status=booked]")).ToHaveAttributeAsync("data-state", "done");

            await p.ReloadAsync();
            await Expect(p.GetByTestId("appointment-status")).ToHaveAttributeAsync("data-status", "booked");
            await Expect(p.Locator("[data-testid=progress-step][data-status=locking]")).ToHaveAttributeAsync("data-state", "done");
        });
    }

    [Theory]
    [Trait("Rubric", "R16")]
    [InlineData(15)]
    [InlineData(30)]
    public async Task The_slot_list_shows_windows_of_the_departments_length_never_over_30_minutes(int slotMinutes)
    {
        var family = await SchedulingStack.FamilyAsync();
        var session = await SchedulingStack.FindSessionAsync(slotMinutes: slotMinutes);
        await using var context = await browser.SignedInContextAsync(family.Account);
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            await p.GotoAsync($"/booking?departmentId={session.DepartmentId}&date={session.Date}&sessionId={session.SessionId}");
            var slots = p.GetByTestId("slot-item");
            await Expect(slots.First).ToBeVisibleAsync();
            var times = await p.GetByTestId("slot-time").AllInnerTextsAsync();
            Assert.NotEmpty(times);
            foreach (var text in times)
            {
                // What the patient reads, e.g. 08:00–08:15: the window is never longer than 30 minutes.
                var m = Regex.Match(text, @"(\d{2}):(\d{2})\s*[–-]\s*(\d{2}):(\d{2})");
                Assert.True(m.Success, text);
                var minutes = (int.Parse(m.Groups[3].Value) * 60 + int.Parse(m.Groups[4].Value))
                              - (int.Parse(m.Groups[1].Value) * 60 + int.Parse(m.Groups[2].Value));
                Assert.InRange(minutes, 1, 30);
                Assert.Equal(slotMinutes, minutes);
            }
            foreach (var minutes in await slots.EvaluateAllAsync<int[]>("els => els.map(e => Number(e.dataset.minutes))"))
                Assert.Equal(slotMinutes, minutes);
        }, $"Slots_{slotMinutes}");
    }

    [Fact]
    [Trait("Rubric", "R15")]
    public async Task Staff_stop_the_clinic_in_the_admin_console_and_the_patient_sees_the_appointment_cancelled_with_the_reason()
    {
        var family = await SchedulingStack.FamilyAsync();
        var session = await SchedulingStack.FindSessionAsync();
        var appointmentId = await SchedulingStack.BookAndPayAsync(family.Account, family.SelfId, session);
        var reason = $"医生临时外出会诊（{DateTime.UtcNow:HHmmss}）";

        await using var patientContext = await browser.SignedInContextAsync(family.Account);
        var patient = await patientContext.NewPageAsync();
        await patient.RunAsync(async p =>
        {
            await p.GotoAsync($"/appointments/{appointmentId}");
            await Expect(p.GetByTestId("appointment-status")).ToHaveAttributeAsync("data-status", "booked", new() { Timeout = 30000 });
        }, "StopClinic_patient_before");

        var staffToken = await StackTokens.StaffAsync();
        await using var staffContext = await browser.NewContextAsync(PatientSession.Desktop,
            new Dictionary<string, string> { ["platform.staff.token"] = staffToken });
        var admin = await staffContext.NewPageAsync();
        await admin.RunAsync(async a =>
        {
            await a.GotoAsync($"/admin/schedules?date={session.Date}&departmentId={session.DepartmentId}");
            var row = a.Locator($"[data-testid=admin-session][data-id='{session.SessionId}']");
            await Expect(row).ToBeVisibleAsync();
            await Expect(a.Locator($"[data-testid=admin-booking][data-id='{appointmentId}']")).ToBeVisibleAsync();
            await a.Locator($"[data-testid=session-stop][data-id='{session.SessionId}']").ClickAsync();
            await Expect(a.GetByTestId("stop-dialog")).ToBeVisibleAsync();
            await a.GetByTestId("stop-reason").FocusAsync();
            await a.Keyboard.TypeAsync(reason);
            await a.Keyboard.PressAsync("Enter");
            await Expect(row).ToHaveAttributeAsync("data-status", "stopped");
            await Expect(a.Locator($"[data-testid=admin-booking][data-id='{appointmentId}']")).ToHaveAttributeAsync("data-status", "cancelled");
        }, "StopClinic_admin");

        await patient.RunAsync(async p =>
        {
            // Live on the open page, and the same after a reload.
            await Expect(p.GetByTestId("appointment-status")).ToHaveAttributeAsync("data-status", "cancelled");
            await Expect(p.GetByTestId("appointment-status")).ToHaveTextAsync("已取消");
            await Expect(p.GetByTestId("appointment-failure")).ToContainTextAsync(reason);
            await p.ReloadAsync();
            await Expect(p.GetByTestId("appointment-status")).ToHaveTextAsync("已取消");
            await Expect(p.GetByTestId("appointment-failure")).ToContainTextAsync(reason);
            await Expect(p.GetByTestId("appointment-cancel")).ToHaveCountAsync(0);
        }, "StopClinic_patient_after");
    }

    [Fact]
    [Trait("Rubric", "X06")]
    public async Task Every_booking_step_and_the_appointment_pages_are_elder_friendly()
    {
        var family = await SchedulingStack.FamilyAsync();
        await ElderModePages.SetAccountElderModeAsync(family.Account, true);
        var session = await SchedulingStack.FindSessionAsync();
        await using var context = await browser.SignedInContextAsync(family.Account);
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            var query = $"departmentId={session.DepartmentId}&date={session.Date}";
            foreach (var (path, ready) in new[]
                     {
                         ("/booking", "campus-item"),
                         ($"/booking?campus={Uri.EscapeDataString(session.Campus)}", "booking-dept-item"),
                         ($"/booking?{query}", "session-item"),
                         ($"/booking?{query}&sessionId={session.SessionId}", "slot-item"),
                     })
            {
                await p.OpenInElderModeAsync(path, ready);
                await Accessibility.AssertElderFriendlyAsync(p);
            }
            await p.Locator("[data-testid=slot-item]:not([disabled])").First.ClickAsync();
            await Expect(p.GetByTestId("booking-patient").First).ToBeVisibleAsync();
            await Accessibility.AssertElderFriendlyAsync(p);

            var id = await SubmitAsync(p);
            await p.OpenInElderModeAsync($"/appointments/{id}", "appointment-details");
            await Accessibility.AssertElderFriendlyAsync(p);
            await p.OpenInElderModeAsync("/appointments", "appointment-item");
            await Accessibility.AssertElderFriendlyAsync(p);
        });
    }
}
