using Microsoft.Extensions.Options;
using Platform.WeChat.Messaging;

namespace WeChat.Gateway.Application.Callbacks;

/// <summary>Keyword, menu and scene answers that link into the H5 app.</summary>
public sealed class ReplyComposer(IOptions<WeChatGatewayOptions> options) : IReplyComposer
{
    private WeChatGatewayOptions Options => options.Value;

    public Task<Reply?> ComposeAsync(InboundMessage message, CancellationToken ct) => Task.FromResult(message switch
    {
        TextMessage text => ForRoute(KeywordRoutes.ForText(text.Content)) ?? Help(),
        VoiceMessage { Recognition: { Length: > 0 } said } => ForRoute(KeywordRoutes.ForText(said)) ?? Help(),
        UserMessage => Help(),
        SubscribeEvent subscribe => subscribe.SceneValue is { } scene ? ForScene(scene, welcome: true) : Welcome(),
        ScanEvent scan => ForScene(scan.SceneValue, welcome: false),
        ClickEvent click => ForRoute(KeywordRoutes.ForMenuKey(click.EventKey)) ?? Help(),
        _ => null,
    });

    private Reply? ForRoute(KeywordRoute? route) =>
        route is null ? null : Reply.News(route.Title, route.Description, Link(route.Path));

    private Reply ForScene(string value, bool welcome)
    {
        var scene = SceneCode.Parse(value);
        var greeting = welcome ? $"欢迎关注{Options.HospitalName}！" : "";
        return scene.Name switch
        {
            SceneCode.CheckIn => Reply.Plain(
                $"{greeting}已收到您在{scene.Value}诊区的签到，请留意叫号通知。查看排队进度：<a href=\"{Link("/queue")}\">候诊排队</a>"),
            SceneCode.Map => Reply.News("院内导航", $"{greeting}从“{scene.Value}”出发，查找科室与检查地点的路线",
                Link("/navigation?from=" + Uri.EscapeDataString(scene.Value))),
            _ => welcome ? Welcome() : Help(),
        };
    }

    private Reply Welcome() => Reply.Plain(
        $"欢迎关注{Options.HospitalName}！回复“挂号”“报告”“缴费”“导航”即可办理，或直接进入<a href=\"{Link("/")}\">掌上医院</a>。");

    private Reply Help() => Reply.Plain(
        $"您好，回复“挂号”“报告”“缴费”“导航”“排队”可获取对应服务，或点击菜单进入<a href=\"{Link("/")}\">掌上医院</a>。");

    private string Link(string path) => Options.H5Base + path;
}
