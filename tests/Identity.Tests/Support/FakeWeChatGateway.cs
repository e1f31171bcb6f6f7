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
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self = new FakeWeChatGateway(app, address);
        return self;
    }

    /// <summary>What the gateway's OAuth callback would hand the browser after WeChat confirmed <paramref name="openId"/>, for a
    /// round trip the app started with <paramref name="intent"/> (null for a plain sign-in).</summary>
    public string IssueTicket(string openId, string? intent = null, string nickname = "微信用户")
    {
        var ticket = Guid.NewGuid().ToString("N");
        _tickets[ticket] = new Redeemed(openId, null, nickname, "https://thirdwx.qlogo.cn/mmopen/test/" + openId[^6..] + "/132", intent);
        return ticket;
    }

    public static string NewOpenId() => "o" + Guid.NewGuid().ToString("N")[..27];

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private sealed record TicketBody(string? Ticket);

    private sealed record Redeemed(string OpenId, string? UnionId, string Nickname, string HeadImageUrl, string? Intent);
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
