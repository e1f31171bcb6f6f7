using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.ServiceDefaults.Http;

namespace Platform.ServiceDefaults.Sms;

public static class SmsSetup
{
    /// <summary>The platform's one SMS sender (<see cref="ISmsSender"/>) from section <c>Sms</c>, falling back to
    /// <c>Endpoints:sms</c>; without either every send answers a retryable failure.</summary>
    public static IServiceCollection AddPlatformSmsSender(this IServiceCollection services, IConfiguration config)
    {
        var sms = config.GetSection("Sms").Get<SmsOptions>() ?? new SmsOptions();
        sms.BaseUrl ??= config["Endpoints:sms"];
        services.AddSingleton(sms);
        if (string.IsNullOrWhiteSpace(sms.BaseUrl))
        {
            services.AddSingleton<ISmsSender, UnconfiguredSmsSender>();
            return services;
        }
        // A send is never repeated by the pipeline (it is a POST): the caller decides whether to try again.
        services.AddHttpClient<ISmsSender, HttpSmsSender>(http => http.BaseAddress = new Uri(sms.BaseUrl.TrimEnd('/') + "/"))
            .AddPlatformResilience(o => o.WithTimeouts(sms.Timeout));
        return services;
    }
}
