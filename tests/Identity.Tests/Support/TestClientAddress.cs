using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using System.Net;

namespace Identity.Tests.Support;

/// <summary>TestServer requests have no remote address; this lets each test client stand for a distinct caller, the way
/// nginx's X-Forwarded-For does in the stack.</summary>
internal sealed class TestClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Client-Ip";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((http, nextMiddleware) =>
        {
            if (IPAddress.TryParse(http.Request.Headers[Header].ToString(), out var ip)) http.Connection.RemoteIpAddress = ip;
            return nextMiddleware(http);
        });
        next(app);
    };
}
