using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Platform.Testing;
using static Microsoft.Playwright.Assertions;

namespace Acceptance.Tests.Payment;

/// <summary>WeChat Pay as the patient meets it: the simulator's cashier (the phone that scans the QR code), and, for
/// tests whose subject is not paying, a payment made at the simulator without the browser.</summary>
public static class WeChatPaySimulator
{
    public static string Url => Environment.GetEnvironmentVariable("PLATFORM_WECHATPAY_SIM_URL") is { Length: > 0 } v ? v.TrimEnd('/') : "http://127.0.0.1:5305";

    private static readonly HttpClient Http = new() { BaseAddress = new Uri(TestEnvironment.EdgeUrl), Timeout = TimeSpan.FromSeconds(30) };
    private static readonly HttpClient Sim = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>A phone's WeChat in-app browser: WeixinJSBridge is there, and its pay screen (native UI in WeChat, not
    /// subject to the page's Content-Security-Policy) is drawn by the simulator over the page.</summary>
    public static async Task<IBrowserContext> InWeChatContextAsync(BrowserFixture browser)
    {
        var context = await browser.NewContextAsync(bypassCsp: true);
        await context.AddInitScriptAsync(await Sim.GetStringAsync($"{Url}/$sim/weixin-jsbridge.js"));
        return context;
    }

    /// <summary>The pay card's 微信支付, then the QR code scanned and paid on "the phone".</summary>
    public static async Task PayOnPageAsync(IPage page)
    {
        await page.GetByTestId("pay-button").ClickAsync(new() { Timeout = 30000 });
        await PayQrCodeAsync(page);
    }

    /// <summary>Scans the page's QR code with "the phone": opens the cashier for its code_url and confirms there.</summary>
    public static async Task PayQrCodeAsync(IPage page)
    {
        var qr = page.GetByTestId("pay-qr");
        await Expect(qr).ToBeVisibleAsync(new() { Timeout = 30000 });
        var codeUrl = await qr.GetAttributeAsync("data-code-url") ?? throw new InvalidOperationException("二维码没有 code_url");
        var token = new Uri(codeUrl.Replace("weixin://", "http://")).Query.TrimStart('?').Split('&')
            .First(p => p.StartsWith("pr=", StringComparison.Ordinal))[3..];
        var phone = await page.Context.NewPageAsync();
        await phone.GotoAsync($"{Url}/cashier?pr={token}");
        await phone.GetByRole(AriaRole.Button, new() { Name = "确认支付" }).ClickAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "完成" }).ClickAsync();
        await phone.CloseAsync();
    }

    /// <summary>Pays an appointment's registration fee without the pages (for tests about something else).</summary>
    public static async Task PayRegistrationAsync(string accessToken, Guid appointmentId)
    {
        var order = await Eventually.Until(async () =>
        {
            var list = await GetAsync(accessToken, $"/api/payment/orders?sourceId={appointmentId}");
            return list.GetProperty("items").EnumerateArray().FirstOrDefault();
        }, o => o.ValueKind == JsonValueKind.Object, TimeSpan.FromSeconds(60), "the registration-fee order");
        await PayOrderAsync(accessToken, order.GetProperty("id").GetGuid());
    }

    /// <summary>Pays an order as the patient's phone would, without the pages: its QR code paid at the simulator.</summary>
    public static async Task PayOrderAsync(string accessToken, Guid orderId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/payment/orders/{orderId}/pay");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await Http.SendAsync(request);
        var how = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, how.ToString());
        var codeUrl = how.GetProperty("codeUrl").GetString();
        var orders = await Sim.GetFromJsonAsync<JsonElement>($"{Url}/$sim/orders");
        var outTradeNo = orders.EnumerateArray().First(o => o.TryGetProperty("code_url", out var c) && c.GetString() == codeUrl)
            .GetProperty("out_trade_no").GetString();
        var paid = await Sim.PostAsJsonAsync($"{Url}/$sim/pay", new { out_trade_no = outTradeNo });
        Assert.True(paid.IsSuccessStatusCode, await paid.Content.ReadAsStringAsync());
    }

    private static async Task<JsonElement> GetAsync(string accessToken, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await Http.SendAsync(request);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
