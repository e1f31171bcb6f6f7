namespace Identity.API.Application;

/// <summary>What a request says about its caller: address (as nginx forwarded it) and channel;
/// the signed-in account is <see cref="Platform.ServiceDefaults.Auth.AccountClaims"/>.</summary>
public static class ClientContext
{
    private static readonly string[] Channels = ["h5", "miniprogram", "wechat"];

    public static string IpAddress(this HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    public static string Channel(this HttpContext http)
    {
        var value = http.Request.Headers["X-Client-Channel"].ToString().Trim().ToLowerInvariant();
        return Channels.Contains(value) ? value : "h5";
    }
}
