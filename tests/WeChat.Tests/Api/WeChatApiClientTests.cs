using Platform.WeChat.Api;
using Platform.WeChat.Templates;

namespace WeChat.Tests.Api;

public class WeChatApiClientTests : IClassFixture<FakeWeChatServer>, IDisposable
{
    private readonly FakeWeChatServer _server;
    private readonly HttpClient _http = new();

    public WeChatApiClientTests(FakeWeChatServer server)
    {
        _server = server;
        _server.Reset();
    }

    private WeChatApiClient Client(IAccessTokenSource? tokens = null, string secret = "secret") =>
        new(_http, new WeChatApiOptions { AppId = "wx1", AppSecret = secret, ApiBaseAddress = _server.BaseAddress }, tokens);

    [Fact]
    public async Task Invalid_token_40001_triggers_one_refresh_and_one_retry()
    {
        var tokens = new RecordingTokenSource("stale", "fresh");

        var ticket = await Client(tokens).GetJsApiTicketAsync();

        Assert.Equal("jsapi-ticket", ticket.Ticket);
        Assert.Equal(["stale"], tokens.RefreshedBecauseOf);
        Assert.Equal(["stale", "fresh"], _server.Calls.Select(c => c.AccessToken));
    }

    [Fact]
    public async Task Token_still_invalid_after_refresh_surfaces_without_a_second_retry()
    {
        _server.ValidToken = "never-issued";
        var tokens = new RecordingTokenSource("stale", "also-stale");

        var ex = await Assert.ThrowsAsync<WeChatAccessTokenInvalidException>(() =>
            Client(tokens).SendCustomMessageAsync(CustomerServiceMessage.Text("oP", "hi")));

        Assert.Equal(WeChatErrorCodes.InvalidCredential, ex.ErrCode);
        Assert.True(ex.IsAccessTokenInvalid);
        Assert.Single(tokens.RefreshedBecauseOf);
        Assert.Equal(2, _server.Calls.Count);
    }

    [Fact]
    public async Task Rate_limit_45009_is_a_typed_exception_and_does_not_refresh()
    {
        _server.ForcedErrCode = WeChatErrorCodes.ApiDailyQuotaReached;
        var tokens = new RecordingTokenSource("fresh", "unused");
        var message = new TemplateMessage("oP", "TPL").Field("thing1", "复诊提醒");

        var ex = await Assert.ThrowsAsync<WeChatRateLimitException>(() => Client(tokens).SendTemplateMessageAsync(message));

        Assert.Equal(45009, ex.ErrCode);
        Assert.True(ex.IsRateLimited);
        Assert.False(ex.IsAccessTokenInvalid);
        Assert.Empty(tokens.RefreshedBecauseOf);
        Assert.Single(_server.Calls);
    }

    [Fact]
    public async Task Other_errcodes_keep_their_code()
    {
        _server.ForcedErrCode = WeChatErrorCodes.UserRefusedSubscription;
        var ex = await Assert.ThrowsAsync<WeChatApiException>(() => Client(new RecordingTokenSource("fresh", "x"))
            .SendSubscribeMessageAsync(new SubscribeMessage("oP", "T").Field("thing1", "x")));
        Assert.Equal(43101, ex.ErrCode);
        Assert.Equal("cgi-bin/message/subscribe/bizsend", ex.Api);
    }

    [Fact]
    public async Task Template_send_posts_payload_and_returns_msgid()
    {
        var message = new TemplateMessage("oP", "TPL").WithClientMsgId("outbox-1").Field("thing1", "挂号成功");

        var msgId = await Client(new RecordingTokenSource("fresh", "x")).SendTemplateMessageAsync(message);

        Assert.Equal(200228332, msgId);
        var body = _server.Calls.Single().Body!;
        Assert.Equal("outbox-1", body["client_msg_id"]!.GetValue<string>());
        Assert.Equal("挂号成功", body["data"]!["thing1"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Access_token_and_stable_token()
    {
        var client = Client();
        Assert.Equal("plain-token", (await client.GetAccessTokenAsync()).AccessToken);
        var stable = await client.GetStableAccessTokenAsync();
        Assert.Equal(("stable", 7200), (stable.AccessToken, stable.ExpiresIn));
        Assert.Equal("stable-forced", (await client.GetStableAccessTokenAsync(forceRefresh: true)).AccessToken);
        var posted = _server.Calls.Last().Body!;
        Assert.Equal(("client_credential", "wx1", "secret"),
            (posted["grant_type"]!.GetValue<string>(), posted["appid"]!.GetValue<string>(), posted["secret"]!.GetValue<string>()));

        var ex = await Assert.ThrowsAsync<WeChatApiException>(() => Client(secret: "wrong").GetAccessTokenAsync());
        Assert.Equal(40125, ex.ErrCode);
    }

    [Fact]
    public async Task OAuth_code_exchange_and_userinfo()
    {
        var client = Client();
        var token = await client.ExchangeOAuthCodeAsync("the-code");
        Assert.Equal(("oPatient", "u1", "snsapi_userinfo"), (token.OpenId, token.UnionId, token.Scope));

        var user = await client.GetOAuthUserInfoAsync(token.AccessToken, token.OpenId);
        Assert.Equal(("oPatient", "张三", 1), (user.OpenId, user.Nickname, user.Sex));
        Assert.Equal(["chinaunicom"], user.Privilege);

        var used = await Assert.ThrowsAsync<WeChatApiException>(() => client.ExchangeOAuthCodeAsync("used-code"));
        Assert.Equal(WeChatErrorCodes.CodeAlreadyUsed, used.ErrCode);
    }

    [Fact]
    public async Task Menu_create_sends_nested_buttons()
    {
        await Client(new RecordingTokenSource("fresh", "x")).CreateMenuAsync([
            MenuButton.View("预约挂号", "https://h5/book"),
            MenuButton.Group("我的", MenuButton.Click("报告查询", "MY_REPORTS"), MenuButton.View("缴费", "https://h5/pay")),
        ]);
        var buttons = _server.Calls.Single().Body!["button"]!.AsArray();
        Assert.Equal("view", buttons[0]!["type"]!.GetValue<string>());
        Assert.Null(buttons[1]!["type"]);
        Assert.Equal("MY_REPORTS", buttons[1]!["sub_button"]![0]!["key"]!.GetValue<string>());
    }

    [Fact]
    public async Task Calls_needing_a_token_fail_clearly_without_a_token_source() =>
        await Assert.ThrowsAsync<InvalidOperationException>(() => Client().GetJsApiTicketAsync());

    public void Dispose() => _http.Dispose();
}
