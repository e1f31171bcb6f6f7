using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;
using static Microsoft.Playwright.Assertions;

namespace Acceptance.Tests.Identity;

/// <summary>The mini-program's web-view opens the H5 app at /handover with a one-time ticket of its session: the H5 is
/// signed in as the same account, the ticket leaves the address bar and the history, and it works once.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HandoverTests(BrowserFixture browser)
{
    private static async Task<string> HandoverTicketAsync(string accessToken)
    {
        using var http = new HttpClient { BaseAddress = new Uri(TestEnvironment.EdgeUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/identity/me/handover");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ticket").GetString()!;
    }

    [Fact]
    [Trait("Rubric", "S01")]
    public async Task The_web_view_handover_signs_the_h5_in_once_and_drops_the_ticket_from_the_address()
    {
        var patient = await IdentityApi.RegisterAsync();
        var ticket = await HandoverTicketAsync(patient.AccessToken);

        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            await p.GotoAsync("/handover?ticket=" + Uri.EscapeDataString(ticket) + "&to=%2Fmine");
            await Expect(p.GetByTestId("account-username")).ToHaveTextAsync(patient.Username, new() { Timeout = 15000 });
            Assert.EndsWith("/mine", new Uri(p.Url).AbsolutePath);
            Assert.DoesNotContain(ticket, p.Url);
            Assert.DoesNotContain(ticket, await p.EvaluateAsync<string>("() => JSON.stringify(history.state) + location.href"));

            // The same ticket again (a reload of an old address, a copied link): refused in Chinese, nobody signed in.
            await using var other = await browser.NewContextAsync();
            var again = await other.NewPageAsync();
            await again.GotoAsync("/handover?ticket=" + Uri.EscapeDataString(ticket));
            await Expect(again.GetByTestId("handover-error")).ToContainTextAsync("已失效", new() { Timeout = 15000 });
            Assert.DoesNotContain(ticket, again.Url);
            await Expect(again.GetByTestId("handover-login")).ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task A_handover_only_lands_on_pages_of_the_h5_app()
    {
        var patient = await IdentityApi.RegisterAsync();
        var ticket = await HandoverTicketAsync(patient.AccessToken);
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            await p.GotoAsync("/handover?ticket=" + Uri.EscapeDataString(ticket) + "&to=" + Uri.EscapeDataString("//evil.example/"));
            await Expect(p.GetByTestId("handover")).ToHaveCountAsync(0, new() { Timeout = 15000 });
            Assert.Equal(new Uri(TestEnvironment.EdgeUrl).Host, new Uri(p.Url).Host);
            Assert.Equal("/", new Uri(p.Url).AbsolutePath);
        });
    }
}
