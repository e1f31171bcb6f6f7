using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WeChat.Tests.Api;

/// <summary>A real HTTP server on 127.0.0.1 that answers like api.weixin.qq.com, including its errcodes.</summary>
public sealed class FakeWeChatServer : IAsyncLifetime
{
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;
    public string ValidToken { get; set; } = "fresh";
    /// <summary>When set, every token-carrying call answers with this errcode instead of succeeding.</summary>
    public int? ForcedErrCode { get; set; }
    public ConcurrentQueue<(string Path, string? AccessToken, JsonNode? Body)> Calls { get; } = new();

    public void Reset()
    {
        ValidToken = "fresh";
        ForcedErrCode = null;
        Calls.Clear();
    }

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();

        _app.MapGet("/cgi-bin/token", (HttpRequest r) => r.Query["secret"] == "secret"
            ? Ok(new JsonObject { ["access_token"] = "plain-token", ["expires_in"] = 7200 })
            : Err(40125, "invalid appsecret"));
        _app.MapPost("/cgi-bin/stable_token", async (HttpRequest r) =>
        {
            var body = await Record(r);
            return Ok(new JsonObject
            {
                ["access_token"] = body!["force_refresh"]!.GetValue<bool>() ? "stable-forced" : "stable",
                ["expires_in"] = 7200,
            });
        });
        _app.MapGet("/sns/oauth2/access_token", async (HttpRequest r) =>
        {
            await Record(r);
            return r.Query["code"] == "used-code"
                ? Err(40163, "code been used")
                : Ok(new JsonObject
                {
                    ["access_token"] = "user-token", ["expires_in"] = 7200, ["refresh_token"] = "rt",
                    ["openid"] = "oPatient", ["scope"] = "snsapi_userinfo", ["is_snapshotuser"] = 0, ["unionid"] = "u1",
                });
        });
        _app.MapGet("/sns/userinfo", (HttpRequest r) => Ok(new JsonObject
        {
            ["openid"] = r.Query["openid"].ToString(), ["nickname"] = "张三", ["sex"] = 1, ["province"] = "广东",
            ["city"] = "广州", ["country"] = "中国", ["headimgurl"] = "http://img", ["privilege"] = new JsonArray("chinaunicom"),
        }));
        MapTokenCall("/cgi-bin/ticket/getticket", _ => new JsonObject { ["errcode"] = 0, ["errmsg"] = "ok", ["ticket"] = "jsapi-ticket", ["expires_in"] = 7200 });
        MapTokenCall("/cgi-bin/menu/create", _ => new JsonObject { ["errcode"] = 0, ["errmsg"] = "ok" }, post: true);
        MapTokenCall("/cgi-bin/message/template/send", _ => new JsonObject { ["errcode"] = 0, ["errmsg"] = "ok", ["msgid"] = 200228332 }, post: true);
        MapTokenCall("/cgi-bin/message/subscribe/bizsend", _ => new JsonObject { ["errcode"] = 0, ["errmsg"] = "ok" }, post: true);
        MapTokenCall("/cgi-bin/message/custom/send", _ => new JsonObject { ["errcode"] = 0, ["errmsg"] = "ok" }, post: true);

        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseAddress = new Uri(address + "/");
    }

    private void MapTokenCall(string path, Func<JsonNode?, JsonObject> success, bool post = false)
    {
        async Task<IResult> Handle(HttpRequest r)
        {
            var body = await Record(r);
            if (r.Query["access_token"] != ValidToken) return Err(40001, "invalid credential, access_token is invalid or not latest");
            if (ForcedErrCode is { } code) return Err(code, "forced by test");
            return Ok(success(body));
        }
        if (post) _app!.MapPost(path, Handle); else _app!.MapGet(path, Handle);
    }

    private async Task<JsonNode?> Record(HttpRequest r)
    {
        JsonNode? body = null;
        if (r.ContentLength > 0 || r.Method == "POST")
        {
            var text = await new StreamReader(r.Body).ReadToEndAsync();
            body = text.Length > 0 ? JsonNode.Parse(text) : null;
        }
        Calls.Enqueue((r.Path, r.Query["access_token"].FirstOrDefault(), body));
        return body;
    }

    // WeChat answers errors with HTTP 200 and an errcode, so does this server.
    private static IResult Ok(JsonObject json) => Results.Text(json.ToJsonString(), "application/json; charset=utf-8");
    private static IResult Err(int code, string message) => Ok(new JsonObject { ["errcode"] = code, ["errmsg"] = message });

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
