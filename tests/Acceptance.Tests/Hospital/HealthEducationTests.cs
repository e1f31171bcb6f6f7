using Acceptance.Tests.Identity;
using Acceptance.Tests.Notification;
using Microsoft.Playwright;
using Platform.Testing;
using static Microsoft.Playwright.Assertions;

namespace Acceptance.Tests.Hospital;

/// <summary>R35: patients search health education in Chinese and read an article with its publish and review dates.</summary>
[Collection(PagesCollection.Name)]
[Trait("Rubric", "R35")]
public sealed class HealthEducationTests(BrowserFixture browser)
{
    [Fact]
    public async Task Searching_高血压_finds_and_opens_the_article_with_dates_and_a_counted_read()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            await p.GotoAsync("/");
            await p.GetByTestId("service-education").ClickAsync();
            await Expect(p.GetByTestId("edu-list")).ToBeVisibleAsync();
            await Expect(p.GetByTestId("edu-specialty").First).ToBeVisibleAsync();

            await p.Locator("[data-testid=edu-search] input").FillAsync("高血压");
            await p.GetByTestId("edu-search-submit").ClickAsync();
            var first = p.GetByTestId("edu-item").First;
            await Expect(first).ToHaveAttributeAsync("data-slug", "hypertension-diet");
            await Expect(first).ToContainTextAsync("高血压患者的饮食");
            var readsBefore = await ReadCountAsync("hypertension-diet");
            await first.ClickAsync();

            await Expect(p.GetByTestId("edu-article-title")).ToHaveTextAsync("高血压患者的饮食");
            await Expect(p.GetByText("发布日期")).ToBeVisibleAsync();
            await Expect(p.GetByTestId("edu-published")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d{4}/\d{2}/\d{2}$"));
            await Expect(p.GetByTestId("edu-reviewed")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d{4}/\d{2}/\d{2}$"));
            await Expect(p.GetByTestId("edu-body")).ToContainTextAsync("每天盐不超过5克");
            await Expect(p.GetByTestId("edu-reads")).ToHaveTextAsync((readsBefore + 1).ToString(), new() { Timeout = 10000 });
        });
    }

    [Fact]
    public async Task Articles_can_be_browsed_by_specialty()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            await p.GotoAsync("/education");
            await p.GetByTestId("edu-specialty").Filter(new() { HasText = "眼科" }).ClickAsync();
            await Expect(p.GetByTestId("edu-item").First).ToContainTextAsync("眼科");
            foreach (var item in await p.GetByTestId("edu-item").AllAsync()) await Expect(item).ToContainTextAsync("眼科");
        });
    }

    private static async Task<long> ReadCountAsync(string slug)
    {
        using var http = new HttpClient { BaseAddress = new Uri(Platform.Testing.TestEnvironment.EdgeUrl) };
        var article = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(http, $"/api/hospital/education/articles/{slug}");
        return article.GetProperty("readCount").GetInt64();
    }

    [Fact]
    public async Task A_signed_in_patient_sees_articles_for_the_department_they_booked_first()
    {
        var account = await IdentityApi.RegisterAsync();
        var self = await IdentityApi.AddPatientAsync(account.AccessToken, "self", TestPeople.ChineseName(),
            TestPeople.ResidentId(TestPeople.BornYearsAgo(52)), account.Phone);
        var patientId = self.GetProperty("id").GetGuid();
        // Hospital learns whom the account acts for from Identity's event; the booking comes from Scheduling's.
        await Eventually.Until(() => StackDatabase.ScalarAsync("hospital",
            $"SELECT count(*) FROM patient_account_links WHERE patient_id = '{patientId}'"), n => n == 1, what: "the patient known to Hospital");
        var booked = Guid.CreateVersion7();
        var startsAt = DateTimeOffset.UtcNow.AddDays(2);
        await StackBroker.PublishAsync("Platform.Contracts.Scheduling", "AppointmentBookedIntegrationEvent", booked, new
        {
            id = booked, occurredAt = DateTimeOffset.UtcNow, appointmentId = Guid.NewGuid(), patientId, departmentName = "内分泌科",
            doctorName = "朱健鹤", location = "门诊楼3楼", startsAt, endsAt = startsAt.AddMinutes(15), confirmedByHis = true,
        });
        await Eventually.Until(() => StackDatabase.ScalarAsync("hospital",
            $"SELECT count(*) FROM patient_department_visits WHERE patient_id = '{patientId}'"), n => n == 1, what: "the booking known to Hospital");

        await using var context = await browser.SignedInContextAsync(account);
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            await p.GotoAsync("/education");
            var first = p.GetByTestId("edu-recommended-item").First;
            await Expect(first).ToContainTextAsync("您曾预约内分泌科");
            await Expect(first).ToContainTextAsync("内分泌科");
            await first.ClickAsync();
            await Expect(p.GetByTestId("edu-article")).ToBeVisibleAsync();
        });
    }
}
