using System.Net.Http.Json;
using System.Text.Json;

namespace WeChatGateway.Tests;

/// <summary>The simulator's mini-program (its default appid and secret) and the test endpoints that play the client:
/// <c>wx.login</c> and the getPhoneNumber button.</summary>
public static class MiniProgramSimulator
{
    public const string AppId = "wx7a1b2c3d4e5f6a7b";
    public const string AppSecret = "platform-dev-miniprogram-secret";

    /// <summary>A wx.login code for the simulated user, with the openid and unionid jscode2session will answer.</summary>
    public static async Task<(string Code, string OpenId, string UnionId)> LoginCodeAsync(this WeChatSimulator sim, string user)
    {
        var body = await sim.PostAsync("/$sim/miniprogram/login", new { userId = user });
        return (body.GetProperty("code").GetString()!, body.GetProperty("openid").GetString()!, body.GetProperty("unionid").GetString()!);
    }

    public static async Task<string> PhoneCodeAsync(this WeChatSimulator sim, object button) =>
        (await sim.PostAsync("/$sim/miniprogram/phone-code", button)).GetProperty("code").GetString()!;

    public static async Task<JsonElement> MiniProgramStateAsync(this WeChatSimulator sim) => await sim.GetAsync("/$sim/miniprogram/state");

    public static Task ConfigureMiniProgramAsync(this WeChatSimulator sim, object config) => sim.Http.PostAsJsonAsync("/$sim/miniprogram/config", config);
}
