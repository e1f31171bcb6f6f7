using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Acceptance.Tests.Identity;
using Platform.Testing;

namespace Acceptance.Tests;

/// <summary>Signs a seeded staff or doctor account in through the Identity service, as their apps do. Each
/// authenticator code works once and parallel tests share the demo accounts, so a spent code moves on to the
/// neighbouring ones and, if needed, the next 30-second step. A token is kept while it has minutes left, so the
/// collections running side by side do not spend each other's codes and wait for the next step.</summary>
public static class StackTokens
{
    public const string DemoTotpSecret = "JBSWY3DPEHPK3PXP";

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> SignIns = new();
    private static readonly ConcurrentDictionary<string, string> Tokens = new();

    public static async Task<string> StaffAsync(string username = "admin", string password = "Admin@2026", string clientId = "admin")
    {
        var key = $"{clientId}/{username}";
        var gate = SignIns.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync();
        try
        {
            if (Tokens.TryGetValue(key, out var kept) && Expiry(kept) > DateTimeOffset.UtcNow.AddMinutes(3)) return kept;
            return Tokens[key] = await SignInAsync(username, password, clientId);
        }
        finally { gate.Release(); }
    }

    private static async Task<string> SignInAsync(string username, string password, string clientId)
    {
        using var http = new HttpClient { BaseAddress = new Uri(TestEnvironment.EdgeUrl) };
        for (var round = 0; round < 4; round++)
        {
            foreach (var offset in new[] { 0, 30, -30 })
            {
                var form = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "password", ["username"] = username, ["password"] = password, ["client_id"] = clientId,
                    ["otp"] = Totp.Code(DemoTotpSecret, DateTimeOffset.UtcNow.AddSeconds(offset)), ["otp_method"] = "totp",
                });
                var response = await http.PostAsync("/api/identity/connect/token", form);
                var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                if (response.IsSuccessStatusCode) return body.GetProperty("access_token").GetString()!;
                if (!body.TryGetProperty("code", out var code) || code.GetString() != "invalid_otp")
                    throw new InvalidOperationException($"工作人员登录失败：{body}");
            }
            await Task.Delay(TimeSpan.FromSeconds(30));
        }
        throw new TimeoutException("no authenticator code was accepted");
    }

    /// <summary>The account id (sub) of an access token.</summary>
    public static Guid Subject(string accessToken)
    {
        using var json = Payload(accessToken);
        return json.RootElement.GetProperty("sub").GetGuid();
    }

    private static DateTimeOffset Expiry(string accessToken)
    {
        using var json = Payload(accessToken);
        return DateTimeOffset.FromUnixTimeSeconds(json.RootElement.GetProperty("exp").GetInt64());
    }

    private static JsonDocument Payload(string accessToken)
    {
        var payload = accessToken.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
        return JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
    }
}
