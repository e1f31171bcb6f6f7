using Microsoft.Extensions.Options;

namespace WeChat.Gateway.Application.OAuth;

/// <summary>Only the platform's own origins may receive a user after OAuth or sign a JS-SDK page, so the gateway
/// never becomes an open redirect that hands a wxticket to someone else's site.</summary>
public sealed class ReturnUrlPolicy(IOptions<WeChatGatewayOptions> options)
{
    private IReadOnlyList<Uri> AllowedOrigins =>
        (options.Value.AllowedReturnOrigins.Length > 0 ? options.Value.AllowedReturnOrigins : [options.Value.H5BaseUrl])
        .Select(o => new Uri(o, UriKind.Absolute)).ToList();

    /// <summary>An absolute URL on an allowed origin, or a path on the H5 app; anything else yields null.</summary>
    public Uri? Resolve(string? returnUrl)
    {
        if (string.IsNullOrWhiteSpace(returnUrl)) return null;
        if (returnUrl.StartsWith('/'))
        {
            // "//host" and "/\host" are protocol-relative to browsers.
            if (returnUrl.StartsWith("//", StringComparison.Ordinal) || returnUrl.StartsWith("/\\", StringComparison.Ordinal)) return null;
            return returnUrl.Any(char.IsControl) ? null : ResolveAbsolute(options.Value.H5Base + returnUrl);
        }
        return ResolveAbsolute(returnUrl);
    }

    public Uri? ResolveAbsolute(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) return null;
        if (uri.Scheme is not ("http" or "https") || uri.UserInfo.Length > 0) return null;
        return IsAllowed(uri) ? uri : null;
    }

    private bool IsAllowed(Uri uri) => AllowedOrigins.Any(o =>
        string.Equals(o.Scheme, uri.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(o.IdnHost, uri.IdnHost, StringComparison.OrdinalIgnoreCase)
        && o.Port == uri.Port);
}
