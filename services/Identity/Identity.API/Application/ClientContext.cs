using System.Security.Claims;
using Platform.ServiceDefaults.Problems;

namespace Identity.API.Application;

/// <summary>What a request says about its caller: address (as nginx forwarded it), channel, and signed-in account.</summary>
public static class ClientContext
{
    private static readonly string[] Channels = ["h5", "miniprogram", "wechat"];

    public static string IpAddress(this HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    public static string Channel(this HttpContext http)
    {
        var value = http.Request.Headers["X-Client-Channel"].ToString().Trim().ToLowerInvariant();
        return Channels.Contains(value) ? value : "h5";
    }

    public static Guid AccountId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirst("sub")?.Value, out var id) ? id : throw new ProblemException(401, "unauthenticated", "请先登录");
}
