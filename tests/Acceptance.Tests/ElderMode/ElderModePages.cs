using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Acceptance.Tests.Identity;
using Microsoft.Playwright;
using Platform.Testing;

namespace Acceptance.Tests.ElderMode;

/// <summary>Steps the elder-mode tests share: the account's setting through the Identity API, and opening a patient
/// page once it has settled in elder mode.</summary>
public static class ElderModePages
{
    public const string PreferencesPath = "/api/identity/me/preferences";
    public const string DeviceKey = "platform.patient.elderMode";

    private static readonly HttpClient Http = new() { BaseAddress = new Uri(TestEnvironment.EdgeUrl), Timeout = TimeSpan.FromSeconds(30) };

    public static async Task<bool> AccountElderModeAsync(TestAccount account) =>
        (await IdentityApi.GetAsync(account.AccessToken, PreferencesPath)).GetProperty("elderMode").GetBoolean();

    public static async Task SetAccountElderModeAsync(TestAccount account, bool on)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, PreferencesPath) { Content = JsonContent.Create(new { elderMode = on }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", account.AccessToken);
        var response = await Http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"保存长辈模式失败：{await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The id of a department the HIS sync brought in, for the department detail page.</summary>
    public static async Task<string> AnyDepartmentIdAsync()
    {
        var departments = await Http.GetFromJsonAsync<JsonElement>("/api/hospital/departments");
        var list = departments.ValueKind == JsonValueKind.Array ? departments : departments.GetProperty("items");
        return list.EnumerateArray().First().GetProperty("id").ToString();
    }

    public static async Task<string> AnyDoctorIdAsync()
    {
        var doctors = await Http.GetFromJsonAsync<JsonElement>("/api/hospital/doctors");
        return doctors.EnumerateArray().First().GetProperty("id").GetString()!;
    }

    public static Task<bool> IsElderModeAsync(this IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.hasAttribute('data-elder-mode')");

    /// <summary>Opens a page and waits until it shows elder mode and has finished loading (no skeleton, spinner or busy
    /// region left; <paramref name="readyTestId"/> visible when given).</summary>
    public static async Task OpenInElderModeAsync(this IPage page, string path, string? readyTestId = null)
    {
        await page.GotoAsync(path);
        if (readyTestId is not null) await page.GetByTestId(readyTestId).First.WaitForAsync();
        await page.WaitForFunctionAsync("""
            () => document.documentElement.hasAttribute('data-elder-mode')
              && (document.querySelector('main')?.innerText.trim().length ?? 0) > 0
              && ![...document.querySelectorAll('[aria-busy="true"], .van-skeleton, .van-loading, .van-toast')]
                   .some(el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
            """);
    }
}
