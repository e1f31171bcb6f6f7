using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Acceptance.Tests.Payment;

/// <summary>The 医保移动支付 platform as a test meets it: insured people of its own (each test its own 参保人 and
/// balance), the 医保电子凭证 page answered as the patient's phone would, faults, and its settlements to check against.</summary>
public static class InsuranceSimulator
{
    public static string Url => Environment.GetEnvironmentVariable("PLATFORM_INSURANCE_SIM_URL") is { Length: > 0 } v ? v.TrimEnd('/') : "http://127.0.0.1:5307";

    private static readonly HttpClient Sim = new(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>A new insured person (职工 unless said otherwise) with <paramref name="balanceFen"/> in the personal account.</summary>
    public static async Task<string> AddPersonAsync(long balanceFen, string insuranceType = "职工基本医疗保险")
    {
        var simUser = $"t{Guid.NewGuid():N}"[..16];
        var response = await Sim.PostAsJsonAsync($"{Url}/$sim/people", new { simUser, name = "测试参保人", insuranceType, accountBalanceFen = balanceFen });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return simUser;
    }

    public static async Task<long> BalanceAsync(string simUser)
    {
        var people = await Sim.GetFromJsonAsync<JsonElement>($"{Url}/$sim/people");
        return people.EnumerateArray().First(p => p.GetProperty("simUser").GetString() == simUser).GetProperty("accountBalanceFen").GetInt64();
    }

    /// <summary>The settlements made for an order (the platform's bizNo is the order id).</summary>
    public static async Task<List<JsonElement>> SettlementsAsync(Guid orderId) =>
        (await Sim.GetFromJsonAsync<JsonElement>($"{Url}/$sim/settlements?bizNo={orderId:N}")).EnumerateArray().ToList();

    public static async Task FaultsAsync(object faults)
    {
        var response = await Sim.PostAsJsonAsync($"{Url}/$sim/faults", faults);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public static async Task ClearFaultsAsync() => (await Sim.DeleteAsync($"{Url}/$sim/faults")).EnsureSuccessStatusCode();

    /// <summary>The patient's phone on the 医保电子凭证 page: 授权 (or 拒绝) as <paramref name="simUser"/>; the address the
    /// page sends them back to, with its one-time token and our state.</summary>
    public static async Task<Uri> DecideAsync(string authorizeUrl, string simUser, bool approve = true)
    {
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(authorizeUrl).Query);
        var response = await Sim.PostAsync($"{Url}/auth/ec/decision", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["redirect_uri"] = query["redirect_uri"]!, ["state"] = query["state"]!, ["sim_user"] = simUser,
            ["decision"] = approve ? "approve" : "deny",
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!;
    }

    /// <summary>In the browser, the 医保电子凭证 page answers as <paramref name="simUser"/> (the phone's owner).</summary>
    public static Task AsPersonAsync(IBrowserContext context, string simUser) =>
        context.RouteAsync($"{Url}/auth/ec?**", route => route.ContinueAsync(new() { Url = $"{route.Request.Url}&sim_user={simUser}" }));
}
