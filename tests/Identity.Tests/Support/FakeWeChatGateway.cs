using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Identity.Tests.Support;

/// <summary>The WeChat gateway's ticket redemption on a real local port: each ticket answers its openid (with the profile and
/// the intent of its OAuth round trip) once, 404 after, as the gateway does. Keeps every Authorization header so tests can check the token Identity signed for itself.</summary>
public sealed class FakeWeChatGateway : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Redeemed> _tickets = new();
    private readonly ConcurrentDictionary<string, IResult> _phoneCodes = new();
    private readonly WebApplication _app;

    public ConcurrentQueue<string> AuthorizationHeaders { get; } = new();
    public string BaseUrl { get; }

    private FakeWeChatGateway(WebApplication app, string baseUrl) => (_app, BaseUrl) = (app, baseUrl);

    public static async Task<FakeWeChatGateway> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        FakeWeChatGateway? self = null;
        app.MapPost("/api/wechat/oauth/tickets/redeem", async (HttpRequest request) =>
        {
            self!.AuthorizationHeaders.Enqueue(request.Headers.Authorization.ToString());
            var body = await request.ReadFromJsonAsync<TicketBody>();
            return body?.Ticket is { } ticket && self._tickets.TryRemove(ticket, out var redeemed)
                ? Results.Ok(redeemed)
                : Results.Problem(statusCode: 404, title: "微信登录凭证无效、已过期或已使用", extensions: new Dictionary<string, object?> { ["code"] = "wxticket_invalid" });
        });
        // The gateway has checked the watermark: a verified number, or its refusal with the gateway's code.
        app.MapPost("/api/wechat/miniprogram/phone", async (HttpRequest request) =>
        {
            self!.AuthorizationHeaders.Enqueue(request.Headers.Authorization.ToString());
            var body = await request.ReadFromJsonAsync<TicketBody>();
            return body?.Code is { } code && self._phoneCodes.TryRemove(code, out var answer)
                ? answer
                : Results.Problem(statusCode: 400, title: "手机号授权已失效，请重新授权", extensions: new Dictionary<string, object?> { ["code"] = "phone_code_invalid" });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self = new FakeWeChatGateway(app, address);
        return self;
    }

    /// <summary>What the gateway's OAuth callback would hand the browser after WeChat confirmed <paramref name="openId"/>, for a
    /// round trip the app started with <paramref name="intent"/> (null for a plain sign-in).</summary>
    public string IssueTicket(string openId, string? intent = null, string nickname = "微信用户", string? unionId = null)
    {
        var ticket = Guid.NewGuid().ToString("N");
        _tickets[ticket] = new Redeemed(openId, unionId, nickname, "https://thirdwx.qlogo.cn/mmopen/test/" + openId[^6..] + "/132", intent,
            "service_account");
        return ticket;
    }

    /// <summary>What the gateway's mini-program login hands the client after jscode2session: no profile, the unionid.</summary>
    public string IssueMiniProgramTicket(string openId, string? unionId, string? intent = null)
    {
        var ticket = Guid.NewGuid().ToString("N");
        _tickets[ticket] = new Redeemed(openId, unionId, null, null, intent, "miniprogram");
        return ticket;
    }

    /// <summary>A phone-button code the gateway resolves (once) to this verified number.</summary>
    public string GrantPhone(string phone, string countryCode = "86")
    {
        var code = Guid.NewGuid().ToString("N");
        _phoneCodes[code] = Results.Ok(new { phoneNumber = phone, countryCode });
        return code;
    }

    /// <summary>A phone-button code whose watermark the gateway refused (another appid, or stale).</summary>
    public string RefusedPhoneGrant()
    {
        var code = Guid.NewGuid().ToString("N");
        _phoneCodes[code] = Results.Problem(statusCode: 400, title: "手机号授权校验未通过，请在本小程序内重新授权",
            extensions: new Dictionary<string, object?> { ["code"] = "phone_unverified" });
        return code;
    }

    public static string NewUnionId() => "u" + Guid.NewGuid().ToString("N")[..27];

    public static string NewOpenId() => "o" + Guid.NewGuid().ToString("N")[..27];

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private sealed record TicketBody(string? Ticket, string? Code = null);

    private sealed record Redeemed(string OpenId, string? UnionId, string? Nickname, string? HeadImageUrl, string? Intent, string App);
}

/// <summary>Identity with <c>Endpoints:wechat</c> pointing at a <see cref="FakeWeChatGateway"/>.</summary>
public sealed class WeChatIdentityFixture : IdentityFixture
{
    public FakeWeChatGateway Gateway { get; } = FakeWeChatGateway.StartAsync().GetAwaiter().GetResult();

    protected override IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string> { ["Endpoints:wechat"] = Gateway.BaseUrl };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Gateway.DisposeAsync();
    }
}
