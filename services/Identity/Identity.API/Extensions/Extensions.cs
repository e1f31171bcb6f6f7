using Identity.API.Application;
using Identity.API.Application.Accounts;
using Identity.API.Application.Agreements;
using Identity.API.Application.Clinicians;
using Identity.API.Application.Login;
using Identity.API.Application.Mfa;
using Identity.API.Application.Patients;
using Identity.API.Application.Sms;
using Identity.API.Application.Tokens;
using Identity.API.Application.WeChat;
using Identity.API.Consumers;
using Identity.API.Domain;
using Identity.API.Infrastructure;
using Identity.API.Infrastructure.Keys;
using Identity.API.Infrastructure.RealName;
using Identity.API.Infrastructure.Seed;
using Identity.API.Infrastructure.Tokens;
using Identity.API.Infrastructure.WeChat;
using MassTransit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenIddict.Abstractions;
using Platform.Messaging;
using Platform.Persistence;
using Platform.Security;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Http;
using Platform.ServiceDefaults.Sms;

namespace Identity.API.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        builder.AddPlatformDbContext<IdentityDbContext>("identitydb");
        builder.AddPlatformMessaging<IdentityDbContext>("identity", bus =>
        {
            bus.AddConsumer<HisPractitionerSyncedConsumer>();
            bus.AddConsumer<HisDepartmentSyncedConsumer>();
        });
        services.AddPlatformSecurity(config);
        services.AddWeChatUserIds(config);
        services.TryAddSingleton(TimeProvider.System);
        services.Configure<IdentityServiceOptions>(config.GetSection("Identity"));
        services.AddSingleton<IPasswordHasher<Account>, PasswordHasher<Account>>();

        services.AddSingleton<SigningKeyRing>();
        services.AddTokenServer(config);
        services.AddSeeder<IdentityDbContext, SigningKeySeeder>();
        services.AddSeeder<IdentityDbContext, CaseSensitiveWeChatHashes>();
        services.AddSeeder<IdentityDbContext, ClientRegistry>();
        services.AddSeeder<IdentityDbContext, AgreementSeeder>();
        services.AddSeeder<IdentityDbContext, DemoAccountSeeder>();
        services.AddHostedService<SigningKeyRefresher>();

        services.AddAuthorizationBuilder().AddPolicy(InternalScopes.PatientIdentifiers, p => p
            .RequireRole(PlatformRoles.Integration)
            .RequireAssertion(c => c.User.HasScope(InternalScopes.PatientIdentifiers)));

        services.AddSingleton<IdentityHashes>();
        services.AddScoped<SmsCodeService>();
        services.AddScoped<LoginThrottler>();
        services.AddScoped<CredentialChecker>();
        services.AddScoped<SecondFactor>();
        services.AddScoped<TokenGrants>();
        services.AddScoped<SmsSignIn>();
        services.AddScoped<AccountSessions>();
        services.AddScoped<Passwords>();
        services.AddScoped<AgreementCatalog>();
        services.AddScoped<Registration>();
        services.AddScoped<TotpEnrolment>();
        services.AddScoped<AccountData>();
        services.AddScoped<PatientBinding>();
        services.AddScoped<WeChatSignIn>();
        services.AddScoped<WeChatBinding>();
        services.AddScoped<WeChatAccountLinks>();
        services.AddScoped<Application.Phone.WeChatPhoneBinding>();
        services.AddScoped<Application.Handover.HandoverSignIn>();
        services.AddScoped<ClinicianLinks>();
        services.AddHostedService<PractitionerDirectoryWatch>();
        services.AddExternalParties(config);
        services.AddWeChatGateway(config);
    }

    private static void AddExternalParties(this IServiceCollection services, IConfiguration config)
    {
        services.AddPlatformSmsSender(config);

        // A verification asks the same question again on a retry, so throttling, server faults and timeouts are retried.
        var realName = config.GetSection("RealName").Get<RealNameOptions>() ?? new RealNameOptions();
        services.AddSingleton(realName);
        services.AddHttpClient<IRealNameVerifier, HttpRealNameVerifier>(c => c.BaseAddress = WithSlash(realName.BaseUrl))
            .AddPlatformResilience(o =>
            {
                o.WithTimeouts(realName.TotalTimeout, realName.AttemptTimeout);
                o.Retry.MaxRetryAttempts = Math.Max(1, realName.Retries);
                if (realName.Retries < 1) o.Retry.ShouldHandle = _ => ValueTask.FromResult(false);
                o.Retry.Delay = TimeSpan.FromMilliseconds(200);
            }, idempotent: true);
    }

    private static void AddWeChatGateway(this IServiceCollection services, IConfiguration config)
    {
        // ./platform passes every component's address as Endpoints:<name>; the default is the local stack's gateway.
        var baseUrl = config["Endpoints:wechat"] ?? "http://127.0.0.1:5120";
        services.AddHttpClient<WeChatTicketRedeemer>(c => c.BaseAddress = WithSlash(baseUrl))
            .AddPlatformResilience(o => o.WithTimeouts(TimeSpan.FromSeconds(10)));
        // The phone code is single-use: a retry would only be refused.
        services.AddHttpClient<WeChatPhoneResolver>(c => c.BaseAddress = WithSlash(baseUrl))
            .AddPlatformResilience(o => o.WithTimeouts(TimeSpan.FromSeconds(10)));
    }

    private static Uri WithSlash(string url) => new(url.EndsWith('/') ? url : url + "/");
}
