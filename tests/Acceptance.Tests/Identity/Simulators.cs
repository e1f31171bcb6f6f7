using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Acceptance.Tests.Identity;

/// <summary>The SMS and real-name simulators the Identity service talks to: tests read the codes people would get by
/// SMS, and register the people the verification authority knows.</summary>
public static partial class Simulators
{
    public static string SmsUrl => Environment.GetEnvironmentVariable("PLATFORM_SMS_SIM_URL") is { Length: > 0 } v ? v.TrimEnd('/') : "http://127.0.0.1:5302";
    public static string RealNameUrl => Environment.GetEnvironmentVariable("PLATFORM_REALNAME_SIM_URL") is { Length: > 0 } v ? v.TrimEnd('/') : "http://127.0.0.1:5303";

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>The code in the newest SMS sent to <paramref name="phone"/> after <paramref name="since"/>; the service
    /// sends from a background queue, so this polls for a while.</summary>
    public static async Task<string> LatestSmsCodeAsync(string phone, DateTimeOffset since, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var messages = await Http.GetFromJsonAsync<JsonElement>($"{SmsUrl}/$sim/messages?phone={Uri.EscapeDataString(phone)}");
            foreach (var message in messages.EnumerateArray())
            {
                var sentAt = message.TryGetProperty("sentAt", out var s) && s.TryGetDateTimeOffset(out var t) ? t : DateTimeOffset.MaxValue;
                if (sentAt < since.AddSeconds(-2)) continue;
                if (message.TryGetProperty("params", out var p) && p.TryGetProperty("code", out var code)) return code.GetString()!;
                if (SixDigits().Match(message.GetRawText()) is { Success: true } m) return m.Value;
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"短信模拟器没有收到发给 {phone} 的验证码");
            await Task.Delay(300);
        }
    }

    public static async Task AddPersonAsync(string name, string idNumber, string? bankCard = null, string? bankPhone = null,
        string? socialSecurityCard = null)
    {
        var person = new
        {
            name,
            idNumber,
            bankCards = bankCard is null ? Array.Empty<object>() : [new { cardNumber = bankCard, phone = bankPhone }],
            socialSecurityCards = socialSecurityCard is null ? Array.Empty<string>() : [socialSecurityCard],
        };
        var response = await Http.PostAsJsonAsync($"{RealNameUrl}/$sim/people", person);
        response.EnsureSuccessStatusCode();
    }

    [GeneratedRegex(@"(?<!\d)\d{6}(?!\d)")]
    private static partial Regex SixDigits();
}
