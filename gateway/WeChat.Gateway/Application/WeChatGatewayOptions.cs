using Platform.WeChat.Messaging;

namespace WeChat.Gateway.Application;

/// <summary>The "WeChat" configuration section: the account's credentials and where WeChat, the H5 app and the
/// gateway itself are reached.</summary>
public sealed class WeChatGatewayOptions
{
    public const string Section = "WeChat";

    public string AppId { get; set; } = "";
    public string AppSecret { get; set; } = "";
    public string Token { get; set; } = "";
    public string? EncodingAesKey { get; set; }
    public MessageEncryptionMode Mode { get; set; } = MessageEncryptionMode.Safe;

    /// <summary>api.weixin.qq.com, or the simulator.</summary>
    public string ApiBaseUrl { get; set; } = "https://api.weixin.qq.com/";

    /// <summary>open.weixin.qq.com (the OAuth page), or the simulator.</summary>
    public string OpenBaseUrl { get; set; } = "https://open.weixin.qq.com/";

    public string H5BaseUrl { get; set; } = "http://127.0.0.1:8080";

    /// <summary>Where browsers reach this gateway's /api/wechat/ (the edge); defaults to the H5 origin.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Origins returnUrl and JS-SDK page URLs may point at; defaults to the H5 origin alone.</summary>
    public string[] AllowedReturnOrigins { get; set; } = [];

    public string HospitalName { get; set; } = "智慧医院";
    public bool CreateMenuOnStart { get; set; }

    /// <summary>WeChat gives up on a callback after 5 s; leave room for the network.</summary>
    public TimeSpan ReplyTimeout { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>Callbacks whose signed timestamp is further than this from now are treated as replays.</summary>
    public TimeSpan CallbackMaxAge { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan OAuthStateLifetime { get; set; } = TimeSpan.FromMinutes(10);
    public TimeSpan TicketLifetime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Fraction of a credential's lifetime after which it is renewed.</summary>
    public double RefreshAheadRatio { get; set; } = 0.8;

    public string PublicBase => (PublicBaseUrl ?? H5BaseUrl).TrimEnd('/');
    public string H5Base => H5BaseUrl.TrimEnd('/');
}
