using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Acceptance.Tests.Identity;

public sealed record TestAccount(string Username, string Password, string Phone, string AccessToken, string RefreshToken);

/// <summary>Sets up accounts through the public Identity API at the edge, for tests whose subject is a later page.</summary>
public static class IdentityApi
{
    private static readonly HttpClient Http = new() { BaseAddress = new Uri(TestEnvironment.EdgeUrl), Timeout = TimeSpan.FromSeconds(30) };

    public static async Task<TestAccount> RegisterAsync()
    {
        var (phone, username, password) = (TestPeople.Phone(), TestPeople.Username(), TestPeople.Password());
        var since = DateTimeOffset.UtcNow;
        (await Http.PostAsJsonAsync("/api/identity/sms-codes", new { phone, purpose = "register" })).EnsureSuccessStatusCode();
        var code = await Simulators.LatestSmsCodeAsync(phone, since);
        var accepted = new List<object>();
        foreach (var kind in new[] { "registration", "privacy" })
        {
            var agreement = await Http.GetFromJsonAsync<JsonElement>($"/api/identity/agreements/{kind}/current");
            accepted.Add(new { kind, version = agreement.GetProperty("version").GetString() });
        }
        var response = await Http.PostAsJsonAsync("/api/identity/accounts",
            new { phone, smsCode = code, username, password, acceptedAgreements = accepted });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, $"注册失败：{body}");
        var tokens = body.GetProperty("tokens");
        return new TestAccount(username, password, phone, tokens.GetProperty("access_token").GetString()!,
            tokens.GetProperty("refresh_token").GetString()!);
    }

    /// <summary>Another device signing in with the password: its (access, refresh) tokens.</summary>
    public static async Task<(string AccessToken, string RefreshToken)> SignInAsync(string username, string password)
    {
        var response = await Http.PostAsync("/api/identity/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["username"] = username, ["password"] = password, ["client_id"] = "patient",
        }));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, $"登录失败：{body}");
        return (body.GetProperty("access_token").GetString()!, body.GetProperty("refresh_token").GetString()!);
    }

    /// <summary>Whether a refresh token can still be redeemed (a session that was not signed out).</summary>
    public static async Task<bool> CanRefreshAsync(string refreshToken)
    {
        var response = await Http.PostAsync("/api/identity/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken, ["client_id"] = "patient",
        }));
        return response.IsSuccessStatusCode;
    }

    public static async Task<JsonElement> GetAsync(string accessToken, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Adds a verified patient (the person is registered with the real-name simulator first).</summary>
    public static async Task<JsonElement> AddPatientAsync(string accessToken, string relation, string name, string idNumber, string phone)
    {
        await Simulators.AddPersonAsync(name, idNumber);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/identity/me/patients")
        {
            Content = JsonContent.Create(new { relation, name, idType = "resident_id", idNumber, phone, method = "id_card" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var response = await Http.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, $"添加就诊人失败：{body}");
        return body;
    }
}
