using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Acceptance.Tests.Identity;
using Acceptance.Tests.Notification;
using Platform.Testing;

namespace Acceptance.Tests.WeChat;

/// <summary>The mini-program channel across the running services, as the client drives it: wx.login's code signs nobody in
/// until the owner of an account binds that WeChat user (intent, preview, confirm), then it signs straight in; the patient
/// accepts the report template once, and the next report reaches them as one mini-program subscribe message — and the
/// report after it, with the grant spent, does not.</summary>
[Collection(ServicesCollection.Name)]
public sealed class MiniProgramTests
{
    private const string ReportTemplate = "dev-mp-tmpl-report-ready";
    private static readonly HttpClient Sim = new() { BaseAddress = new Uri(WeChatSimulator.Url), Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>The mini-program keeps no cookies on its own: it carries the binding cookie by hand, as this container does.</summary>
    private static HttpClient Client(string? token = null)
    {
        var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() })
        {
            BaseAddress = new Uri(TestEnvironment.EdgeUrl), Timeout = TimeSpan.FromSeconds(30),
        };
        if (token is not null) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static async Task<string> TicketAsync(string simUser, string? intent = null)
    {
        var login = await (await Sim.PostAsJsonAsync("/$sim/miniprogram/login", new { userId = simUser })).Content.ReadFromJsonAsync<JsonElement>();
        using var http = Client();
        var response = await http.PostAsJsonAsync("/api/wechat/miniprogram/login", new { code = login.GetProperty("code").GetString(), intent });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ticket").GetString()!;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> SignInAsync(string ticket)
    {
        using var http = Client();
        var response = await http.PostAsync("/api/identity/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "wechat_ticket", ["client_id"] = "patient", ["ticket"] = ticket,
        }));
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private static async Task PublishReportAsync(Guid patientId, string title)
    {
        var id = Guid.CreateVersion7();
        await StackBroker.PublishAsync("Platform.Contracts.Reports", "ReportReadyIntegrationEvent", id, new
        {
            id, occurredAt = DateTimeOffset.UtcNow, reportId = Guid.NewGuid(), patientId, hisReportId = "ACC-MP-" + id.ToString("N")[..6],
            category = "检验", title, issuedAt = DateTimeOffset.UtcNow,
        });
    }

    private static async Task<List<JsonElement>> SentAsync(string openId) =>
        (await Sim.GetFromJsonAsync<List<JsonElement>>($"/$sim/miniprogram/subscribe/sent?openid={Uri.EscapeDataString(openId)}"))!;

    [Fact]
    [Trait("Rubric", "R18")]
    [Trait("Rubric", "S01")]
    public async Task A_mini_program_user_is_bound_by_the_owner_signs_in_by_code_and_gets_one_subscribe_message_per_grant()
    {
        var account = await IdentityApi.RegisterAsync();
        var patient = await IdentityApi.AddPatientAsync(account.AccessToken, "self", TestPeople.ChineseName(),
            TestPeople.ResidentId(TestPeople.BornYearsAgo(40)), account.Phone);
        var patientId = patient.GetProperty("id").GetGuid();
        var simUser = "mp" + Guid.NewGuid().ToString("N")[..12];

        // An unknown WeChat user: the code alone binds and signs in nothing.
        var (status, refused) = await SignInAsync(await TicketAsync(simUser));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("wechat_bind_required", refused.GetProperty("code").GetString());

        // The owner, signed in, binds it: the preview names the mini-program and shows the WeChat user masked.
        using (var owner = Client(account.AccessToken))
        {
            var intent = (await (await owner.PostAsync("/api/identity/me/wechat/intents", null)).Content.ReadFromJsonAsync<JsonElement>())
                .GetProperty("intent").GetString();
            var pending = await owner.PostAsJsonAsync("/api/identity/me/wechat/pending", new { ticket = await TicketAsync(simUser, intent) });
            Assert.True(pending.IsSuccessStatusCode, await pending.Content.ReadAsStringAsync());
            Assert.Equal("miniprogram", (await pending.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("app").GetString());
            Assert.Equal(HttpStatusCode.NoContent, (await owner.PostAsync("/api/identity/me/wechat", null)).StatusCode);
        }

        var (signedIn, tokens) = await SignInAsync(await TicketAsync(simUser));
        Assert.Equal(HttpStatusCode.OK, signedIn);
        var miniProgramToken = tokens.GetProperty("access_token").GetString()!;

        // The template the client asks for, accepted once in WeChat's dialog and reported to the platform.
        var templates = await Client().GetFromJsonAsync<JsonElement>("/api/notification/miniprogram/subscriptions/templates");
        Assert.Contains(templates.GetProperty("templates").EnumerateArray(), t => t.GetProperty("templateId").GetString() == ReportTemplate);
        var granted = await (await Sim.PostAsJsonAsync("/$sim/miniprogram/subscribe",
            new { user = simUser, results = new Dictionary<string, string> { [ReportTemplate] = "accept" } })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("accept", granted.GetProperty(ReportTemplate).GetString());
        using (var app = Client(miniProgramToken))
        {
            var recorded = await app.PostAsJsonAsync("/api/notification/miniprogram/subscriptions",
                new { results = new Dictionary<string, string> { [ReportTemplate] = "accept" } });
            Assert.Equal(HttpStatusCode.NoContent, recorded.StatusCode);
        }

        var openId = (await Sim.GetFromJsonAsync<JsonElement>($"/$sim/miniprogram/users?name={simUser}")).GetProperty("openid").GetString()!;
        var accountId = StackTokens.Subject(account.AccessToken);
        await NotificationKnows.PatientAsync(accountId, patientId);
        await NotificationKnows.BindingAsync("miniprogram_bindings", accountId);
        await PublishReportAsync(patientId, "血常规");
        var sent = await Eventually.Until(() => SentAsync(openId), list => list.Count > 0, TimeSpan.FromSeconds(60), "the subscribe message");
        var message = Assert.Single(sent);
        Assert.Equal(ReportTemplate, message.GetProperty("templateId").GetString());
        Assert.Equal("one-time", message.GetProperty("grant").GetString());

        // The grant is spent: the next report is in the app's message centre but sends no second subscribe message.
        await PublishReportAsync(patientId, "尿常规");
        using var messages = Client(miniProgramToken);
        await Eventually.Until(async () => (await messages.GetFromJsonAsync<JsonElement>("/api/notification/messages?limit=20"))
            .GetProperty("items").EnumerateArray().Count(m => m.GetProperty("category").GetString() == "report"),
            n => n == 2, TimeSpan.FromSeconds(60), "both reports in the message centre");
        Assert.Single(await SentAsync(openId));
    }
}
