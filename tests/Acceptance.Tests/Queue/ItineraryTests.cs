using Acceptance.Tests.Identity;
using Acceptance.Tests.Notification;
using Acceptance.Tests.Scheduling;
using Microsoft.Playwright;
using Platform.Testing;
using static Microsoft.Playwright.Assertions;

namespace Acceptance.Tests.Queue;

/// <summary>今日行程 (X07, 全程陪伴) as a patient follows it: the day's steps in order with the walk to the current one drawn on
/// the indoor map, each step ticked off live as the patient checks in and the doctor calls and finishes.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ItineraryTests
{
    private readonly BrowserFixture browser;

    public ItineraryTests(BrowserFixture browser)
    {
        this.browser = browser;
        SetDefaultExpectTimeout(20000);
    }

    [Fact]
    [Trait("Rubric", "X07")]
    public async Task The_days_itinerary_shows_the_steps_draws_the_route_and_ticks_off_as_the_doctor_calls_and_finishes()
    {
        var clinic = await QueueStack.ClinicAsync();
        var family = await SchedulingStack.FamilyAsync(acceptBookingAgreement: false);
        var next = await SchedulingStack.FamilyAsync(acceptBookingAgreement: false);
        var visit = await clinic.BookAsync(family.SelfId, TimeSpan.FromMinutes(10));
        var nextVisit = await clinic.BookAsync(next.SelfId, TimeSpan.FromMinutes(15));
        // An ultrasound in 医技楼3楼's 超声1室 (on the demo map), in a room of its own so other tests' lines do not reorder it.
        var startsAt = DateTimeOffset.UtcNow.AddMinutes(40);
        await StackBroker.PublishAsync("Platform.Contracts.Scheduling", "ExamBookedIntegrationEvent", Guid.NewGuid(), new
        {
            appointmentId = Guid.CreateVersion7(), patientId = family.SelfId, itemName = "甲状腺超声", serviceCode = "us", roomName = "超声1室",
            location = $"本部院区医技楼3层 验收{Random.Shared.Next(100000, 999999)}", startsAt, endsAt = startsAt.AddMinutes(15),
            preparation = "无需空腹，请穿低领上衣", fastingRequired = false,
        });

        // Queue has both bookings before the page opens (events are consumed asynchronously).
        await Eventually.Until(() => ItineraryKindsAsync(family.Account.AccessToken), kinds => kinds.Contains("exam") && kinds.Contains("clinic"),
            TimeSpan.FromSeconds(30), "the visit and the exam in the itinerary");

        await using var context = await browser.SignedInContextAsync(family.Account);
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            // Reached from 我的排队, as patients find it during the visit.
            await p.GotoAsync("/queue");
            await p.GetByTestId("queue-itinerary-link").ClickAsync();
            await Expect(p).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/itinerary$"));

            var steps = p.GetByTestId("itinerary-step");
            await Expect(steps.First).ToHaveAttributeAsync("data-kind", "check-in", new() { Timeout = 30000 });
            await Expect(p.Locator("[data-testid=itinerary-step][data-kind=exam]")).ToContainTextAsync("甲状腺超声", new() { Timeout = 30000 });
            Assert.Equal(["check-in", "clinic", "exam", "payment", "pharmacy"],
                await steps.EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.kind)"));
            await Expect(steps.Nth(0)).ToHaveAttributeAsync("data-status", "current");
            await Expect(steps.Nth(0)).ToContainTextAsync("心血管内科");

            // The walk to 心血管内科 (门诊楼3楼) from the service desk on 1楼: a polyline on each floor, a floor switch, steps.
            var route = p.GetByTestId("itinerary-route");
            await Expect(route.GetByTestId("route-polyline")).ToBeVisibleAsync();
            await Expect(route.GetByTestId("route-map")).ToHaveAttributeAsync("data-map-code", "main-mzl-1");
            await Expect(route.GetByTestId("route-floor")).ToHaveCountAsync(2);
            await Expect(route.GetByTestId("route-steps")).ToContainTextAsync("从门诊服务台出发");
            await Expect(route.GetByTestId("route-steps")).ToContainTextAsync("到达心血管内科");
            await route.GetByTestId("route-floor").Nth(1).ClickAsync();
            await Expect(route.GetByTestId("route-map")).ToHaveAttributeAsync("data-map-code", "main-mzl-3");
            Assert.True(await route.GetByTestId("route-polyline").GetAttributeAsync("data-points") is { } n && int.Parse(n) >= 2);
            await Expect(p.GetByTestId("push-status")).ToHaveAttributeAsync("data-state", "connected");
            await p.EvaluateAsync("() => { window.__noReload = true }");

            // Checked in (by the clinic's code, as the phone scanned it): 报到 is ticked off without a reload.
            await clinic.CheckInByApiAsync(family.Account.AccessToken, visit);
            await Expect(steps.Nth(0)).ToHaveAttributeAsync("data-status", "done", new() { Timeout = 30000 });
            await Expect(steps.Nth(1)).ToHaveAttributeAsync("data-status", "current");
            await Expect(steps.Nth(1).GetByTestId("itinerary-step-queue")).ToContainTextAsync("前面 0 人");

            // The doctor calls the patient, then the next one: the visit is ticked off and the ultrasound is next, with the
            // walk from the clinic to 医技楼 drawn.
            await clinic.CheckInByApiAsync(next.Account.AccessToken, nextVisit);
            await clinic.ActAsync("call-next");
            await Expect(steps.Nth(1).GetByTestId("itinerary-step-why")).ToContainTextAsync("正在叫您的号", new() { Timeout = 30000 });
            await clinic.ActAsync("call-next");
            await Expect(steps.Nth(1)).ToHaveAttributeAsync("data-status", "done", new() { Timeout = 30000 });
            await Expect(steps.Nth(2)).ToHaveAttributeAsync("data-status", "current");
            await Expect(route.GetByTestId("route-map")).ToHaveAttributeAsync("data-map-code", "main-mzl-3");
            await Expect(route.GetByTestId("route-steps")).ToContainTextAsync("从心血管内科出发");
            await Expect(route.GetByTestId("route-steps")).ToContainTextAsync("到达超声检查1室");
            Assert.True(await p.EvaluateAsync<bool>("() => window.__noReload === true"));
        }, "X07_itinerary");
    }

    private static readonly HttpClient Http = new() { BaseAddress = new Uri(TestEnvironment.EdgeUrl), Timeout = TimeSpan.FromSeconds(30) };

    private static async Task<List<string>> ItineraryKindsAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/queue/itinerary");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var response = await Http.SendAsync(request);
        if (!response.IsSuccessStatusCode) return [];
        var body = await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(response.Content);
        return body.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("kind").GetString()!).ToList();
    }
}
