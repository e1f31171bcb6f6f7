using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Security.Identifiers;
using Platform.Testing;

namespace Identity.Tests.Support;

public sealed record Session(Guid AccountId, string AccessToken, string RefreshToken, string Phone, string Username, string Password);

/// <summary>What the patient web pages do, as test steps.</summary>
public static class IdentityApi
{
    private static int _phoneSeed = Random.Shared.Next(0, 9_000_000);

    public static string NewPhone() => "139" + Interlocked.Increment(ref _phoneSeed).ToString("D8");

    public static string NewIp() => $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";

    public static HttpClient Client(this IdentityFixture f, string? accessToken = null, string? ip = null)
    {
        var client = f.Service.CreateClient();
        client.DefaultRequestHeaders.Add(TestClientAddress.Header, ip ?? NewIp());
        if (accessToken is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    public static async Task<List<JsonElement>> SmsMessagesAsync(this IdentityFixture f, string phone) =>
        (await f.Sms.Http.GetFromJsonAsync<List<JsonElement>>($"$sim/messages?phone={phone}"))!;

    /// <summary>Runs <paramref name="trigger"/> and returns the code of the message it caused.</summary>
    public static async Task<string> CodeSentByAsync(this IdentityFixture f, string phone, Func<Task<HttpResponseMessage>> trigger)
    {
        var before = (await f.SmsMessagesAsync(phone)).Count;
        var response = await trigger();
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var messages = await Eventually.Until(() => f.SmsMessagesAsync(phone), m => m.Count > before, TimeSpan.FromSeconds(10), "SMS delivery");
        return messages[0].GetProperty("params").GetProperty("code").GetString()!;
    }

    public static Task<HttpResponseMessage> RequestCodeAsync(this HttpClient client, string phone, string purpose = "register") =>
        client.PostAsJsonAsync("/api/identity/sms-codes", new { phone, purpose });

    public static object Registration(string phone, string code, string username, string password, bool withAgreements = true) => new
    {
        phone, smsCode = code, username, password,
        acceptedAgreements = withAgreements
            ? new[] { new { kind = "registration", version = "2026.1" }, new { kind = "privacy", version = "2026.1" } }
            : [],
    };

    public static async Task<Session> RegisterAsync(this IdentityFixture f, string? username = null, string password = "Secret#2026")
    {
        var phone = NewPhone();
        username ??= "u" + Guid.NewGuid().ToString("N")[..10];
        var client = f.Client();
        var code = await f.CodeSentByAsync(phone, () => client.RequestCodeAsync(phone));
        var response = await client.PostAsJsonAsync("/api/identity/accounts", Registration(phone, code, username, password));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var tokens = body.GetProperty("tokens");
        return new Session(body.GetProperty("accountId").GetGuid(), tokens.GetProperty("access_token").GetString()!,
            tokens.GetProperty("refresh_token").GetString()!, phone, username, password);
    }

    /// <summary>A token request from a new random source address.</summary>
    public static Task<HttpResponseMessage> TokenAsync(this IdentityFixture f, params (string Key, string Value)[] form) =>
        f.TokenFromAsync(NewIp(), form);

    /// <summary>A token request from the source address <paramref name="ip"/> (as the edge forwards it).</summary>
    public static async Task<HttpResponseMessage> TokenFromAsync(this IdentityFixture f, string ip, params (string Key, string Value)[] form)
    {
        var content = new FormUrlEncodedContent(form.Select(p => new KeyValuePair<string, string>(p.Key, p.Value)));
        return await f.Client(ip: ip).PostAsync("/api/identity/connect/token", content);
    }

    public static Task<HttpResponseMessage> PasswordLoginAsync(this IdentityFixture f, string username, string password,
        string clientId = "patient", string? otp = null, string? otpMethod = null, string? ip = null)
    {
        var form = new List<(string, string)> { ("grant_type", "password"), ("username", username), ("password", password), ("client_id", clientId) };
        if (otp is not null) form.Add(("otp", otp));
        if (otpMethod is not null) form.Add(("otp_method", otpMethod));
        return f.TokenFromAsync(ip ?? NewIp(), [.. form]);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    public static async Task AddKnownPersonAsync(this IdentityFixture f, string name, string idNumber, object? extra = null)
    {
        var body = new Dictionary<string, object?> { ["name"] = name, ["idNumber"] = idNumber };
        if (extra is not null)
            foreach (var p in extra.GetType().GetProperties()) body[p.Name] = p.GetValue(extra);
        (await f.RealName.Http.PostAsJsonAsync("$sim/people", body)).EnsureSuccessStatusCode();
    }

    /// <summary>A valid GB 11643 number for the birth date, with a random sequence.</summary>
    public static string ResidentId(DateOnly birth, string region = "110105")
    {
        var first17 = region + birth.ToString("yyyyMMdd") + Random.Shared.Next(100, 999).ToString();
        return first17 + ResidentIdNumber.CheckCharacter(first17);
    }
}
