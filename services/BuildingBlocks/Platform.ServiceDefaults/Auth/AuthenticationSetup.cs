using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace Platform.ServiceDefaults.Auth;

/// <summary>Every service validates tokens itself. With <c>Auth:Authority</c> set, keys come from the Identity
/// service's JWKS (OpenID discovery); without it, a development signing key from configuration is trusted, in
/// Development and Testing only.</summary>
public static class AuthenticationSetup
{
    public static void AddPlatformAuthentication(this WebApplicationBuilder builder)
    {
        var auth = builder.Configuration.GetSection("Auth").Get<PlatformAuthOptions>() ?? new PlatformAuthOptions();
        // The development key is in source control: trusting it anywhere real would let anyone mint tokens.
        if (string.IsNullOrEmpty(auth.Authority) && !builder.Environment.IsDevelopment() && !builder.Environment.IsEnvironment("Testing"))
            throw new InvalidOperationException(
                "Auth:Authority is not set: outside Development and Testing a service only trusts the Identity service's keys. / 未配置 Auth:Authority，服务拒绝启动。");
        builder.Services.AddSingleton(auth);
        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = auth.Issuer,
                    ValidAudience = auth.Audience,
                    NameClaimType = PlatformClaims.Subject,
                    RoleClaimType = PlatformClaims.Role,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                if (!string.IsNullOrEmpty(auth.Authority))
                {
                    o.Authority = auth.Authority;
                    o.RequireHttpsMetadata = auth.Authority.StartsWith("https", StringComparison.Ordinal);
                    // The Identity service signs RS256 only; refusing anything else rules out "none" and key confusion.
                    o.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.RsaSha256];
                }
                else
                {
                    o.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(auth.DevSigningKey));
                }
                o.Events = new JwtBearerEvents { OnMessageReceived = AcceptHubQueryToken };
            });

        // A policy per role, named after the role: .RequireAuthorization(PlatformRoles.Staff).
        var authorization = builder.Services.AddAuthorizationBuilder();
        foreach (var role in PlatformRoles.All)
            authorization.AddPolicy(role, p => p.RequireRole(role));
    }

    /// <summary>Browsers cannot set headers on WebSockets, so SignalR sends the token as a query parameter;
    /// accept it only on hub paths.</summary>
    private static Task AcceptHubQueryToken(MessageReceivedContext ctx)
    {
        var token = ctx.Request.Query["access_token"].ToString();
        if (!string.IsNullOrEmpty(token) && ctx.HttpContext.Request.Path.StartsWithSegments("/hubs"))
            ctx.Token = token;
        return Task.CompletedTask;
    }
}
