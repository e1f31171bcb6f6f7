using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Acceptance.Tests.ElderMode;
using Acceptance.Tests.Identity;
using Microsoft.Playwright;
using Platform.Testing;
using static Microsoft.Playwright.Assertions;

namespace Acceptance.Tests.Scheduling;

/// <summary>X13: after 停诊 the patient finds the nearest equivalent slot held for them and rebooks in one tap.
/// X14: a full session's 候补, joined from the booking flow; a cancellation offers the freed slot to the waiting patient.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OfferTests
{
    private readonly BrowserFixture browser;

    public OfferTests(BrowserFixture browser)
    {
        this.browser = browser;
        SetDefaultExpectTimeout(20000);
    }

    [Fact]
    [Trait("Rubric", "X13")]
    public async Task After_a_clinic_stop_the_patient_rebooks_the_held_slot_in_one_tap()
    {
        var family = await SchedulingStack.FamilyAsync();
        await ElderModePages.SetAccountElderModeAsync(family.Account, true);
        var session = await SchedulingStack.FindSessionAsync();
        var cancelledId = await SchedulingStack.BookAndPayAsync(family.Account, family.SelfId, session);
        await SchedulingStack.SendAsync(await StackTokens.StaffAsync(), HttpMethod.Post, $"/api/scheduling/admin/sessions/{session.SessionId}/stop",
            new { reason = $"医生临时停诊（{DateTime.UtcNow:HHmmss}）" });

        await using var context = await browser.SignedInContextAsync(family.Account);
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            // The cancelled appointment carries the held slot, with its countdown and the two answers.
            await p.OpenInElderModeAsync($"/appointments/{cancelledId}", "offer-card");
            var card = p.GetByTestId("offer-card");
            await Expect(card).ToHaveAttributeAsync("data-kind", "rebooking");
            await Expect(card.GetByTestId("offer-countdown")).ToContainTextAsync("还剩");
            await Expect(card.GetByTestId("offer-accept")).ToHaveTextAsync("一键改约");
            await Expect(card.GetByTestId("offer-decline")).ToHaveTextAsync("退款");
            await Expect(p.GetByTestId("appointment-status")).ToHaveAttributeAsync("data-status", "cancelled");
            await Accessibility.AssertElderFriendlyAsync(p);
            var offerId = await card.GetAttributeAsync("data-id");

            // The message centre links to the same offer; it shows on 我的预约 too.
            await p.OpenInElderModeAsync("/appointments", "offer-card");
            await Expect(p.Locator($"[data-testid=offer-card][data-id='{offerId}']")).ToBeVisibleAsync();
            await Accessibility.AssertElderFriendlyAsync(p);
            var messages = await IdentityApi.GetAsync(family.Account.AccessToken, "/api/notification/messages");
            Assert.Contains($"/offers/{offerId}", messages.GetRawText());
            await p.OpenInElderModeAsync($"/offers/{offerId}", "offer-card");
            await Accessibility.AssertElderFriendlyAsync(p);

            await p.GetByTestId("offer-accept").ClickAsync();
            await Expect(p).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/appointments/[0-9a-f-]{36}$"));
            Assert.DoesNotContain(cancelledId.ToString(), p.Url);
            // The fee paid for the stopped clinic pays for the rebooking: 已预约 without paying again.
            await Expect(p.GetByTestId("appointment-status")).ToHaveAttributeAsync("data-status", "booked", new() { Timeout = 45000 });
            await Expect(p.Locator("[data-testid=progress-step][data-status=awaitingPayment]")).ToHaveCountAsync(0);
            await Expect(p.GetByTestId("appointment-department")).ToBeVisibleAsync();
            // A second tap (another device, a double tap) lands on the same appointment.
            var again = await SchedulingStack.SendAsync(family.Account.AccessToken, HttpMethod.Post, $"/api/scheduling/offers/{offerId}/accept");
            Assert.EndsWith(again.GetProperty("id").GetString()!, p.Url);
        }, "X13_rebooking");
    }

    [Fact]
    [Trait("Rubric", "X13")]
    public async Task Declining_the_held_slot_asks_for_the_refund_and_releases_it()
    {
        var family = await SchedulingStack.FamilyAsync();
        var session = await SchedulingStack.FindSessionAsync();
        var cancelledId = await SchedulingStack.BookAndPayAsync(family.Account, family.SelfId, session);
        await SchedulingStack.SendAsync(await StackTokens.StaffAsync(), HttpMethod.Post, $"/api/scheduling/admin/sessions/{session.SessionId}/stop",
            new { reason = "设备故障停诊" });

        await using var context = await browser.SignedInContextAsync(family.Account);
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            await p.GotoAsync($"/appointments/{cancelledId}");
            await p.GetByTestId("offer-decline").ClickAsync();
            await p.GetByRole(AriaRole.Button, new() { Name = "申请退款" }).ClickAsync();
            await Expect(p.GetByTestId("appointment-refund")).ToContainTextAsync("已申请退款");
            await Expect(p.GetByTestId("offer-card")).ToHaveCountAsync(0);
            await p.ReloadAsync();
            await Expect(p.GetByTestId("appointment-refund")).ToBeVisibleAsync();

            // The money comes back through WeChat Pay, and 缴费记录 shows it.
            await p.GotoAsync("/payments");
            var order = p.Locator($"[data-testid=payment-item][data-status=refunded]");
            await Expect(order).ToHaveCountAsync(1, new() { Timeout = 60000 });
            await Expect(order.GetByTestId("refund-item")).ToContainTextAsync("已退款");
        }, "X13_refund");
    }

    [Fact]
    [Trait("Rubric", "X14")]
    public async Task A_patient_joins_the_waitlist_of_a_full_session_and_takes_the_slot_a_cancellation_frees()
    {
        var holder = await SchedulingStack.FamilyAsync();
        var waiter = await SchedulingStack.FamilyAsync();
        await ElderModePages.SetAccountElderModeAsync(waiter.Account, true);
        var session = await SchedulingStack.FindSessionAsync();
        var held = await SchedulingStack.BookAsync(holder.Account, holder.SelfId, session);
        // Staff close what is left (限号 to 0): the session is full, the holder's place the only one.
        await SchedulingStack.SendAsync(await StackTokens.StaffAsync(), HttpMethod.Post, $"/api/scheduling/admin/sessions/{session.SessionId}/limit",
            new { remaining = 0, reason = "候补验收" });

        await using var context = await browser.SignedInContextAsync(waiter.Account);
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            await p.OpenInElderModeAsync($"/booking?departmentId={session.DepartmentId}&date={session.Date}", "session-item");
            var item = p.Locator($"[data-testid=session-item][data-id='{session.SessionId}']");
            await Expect(item).ToHaveAttributeAsync("data-status", "full");
            await item.GetByTestId("session-waitlist").ClickAsync();
            await Expect(p.GetByTestId("waitlist-join")).ToBeVisibleAsync();
            await Accessibility.AssertElderFriendlyAsync(p);
            await p.Locator($"[data-testid=waitlist-patient][data-id='{waiter.ParentId}']").ClickAsync();
            // Scheduling hears of a new 就诊人 by event: submit again until it has, as a person would.
            var entry = p.GetByTestId("waitlist-item");
            for (var attempt = 0; attempt < 10 && await entry.CountAsync() == 0; attempt++)
            {
                await p.GetByTestId("waitlist-submit").ClickAsync();
                await Task.WhenAny(entry.First.WaitForAsync(new() { Timeout = 5000 }), p.GetByTestId("waitlist-error").WaitForAsync(new() { Timeout = 5000 }));
            }
            await Expect(entry).ToHaveAttributeAsync("data-status", "waiting");
            await Expect(entry.GetByTestId("waitlist-position")).ToHaveTextAsync("1");
            await p.OpenInElderModeAsync("/waitlist", "waitlist-item");
            await Accessibility.AssertElderFriendlyAsync(p);

            await SchedulingStack.SendAsync(holder.Account.AccessToken, HttpMethod.Post, $"/api/scheduling/appointments/{held}/cancel", new { reason = "行程有变" });

            // The freed slot is offered live (offerChanged), held for the waiting patient.
            await Expect(entry).ToHaveAttributeAsync("data-status", "offered", new() { Timeout = 60000 });
            await entry.GetByTestId("waitlist-offer").ClickAsync();
            var card = p.GetByTestId("offer-card");
            await Expect(card).ToHaveAttributeAsync("data-kind", "waitlist");
            await Expect(card.GetByTestId("offer-countdown")).ToContainTextAsync("还剩");
            await Accessibility.AssertElderFriendlyAsync(p);
            await card.GetByTestId("offer-accept").ClickAsync();
            await Expect(p).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/appointments/[0-9a-f-]{36}$"));
            await Expect(p.GetByTestId("appointment-status")).ToHaveAttributeAsync("data-status", "awaitingPayment", new() { Timeout = 45000 });
            await Payment.WeChatPaySimulator.PayOnPageAsync(p);
            await Expect(p.GetByTestId("appointment-status")).ToHaveAttributeAsync("data-status", "booked", new() { Timeout = 45000 });
            await Expect(p.GetByTestId("appointment-patient")).ToContainTextAsync(waiter.ParentName);

            await p.GotoAsync("/waitlist");
            await Expect(p.GetByTestId("waitlist-empty")).ToBeVisibleAsync();
        }, "X14_waitlist");
    }
}
