using Microsoft.Extensions.Options;
using Platform.Messaging;
using Platform.Persistence;
using Platform.Security;
using Platform.ServiceDefaults.Http;
using Platform.WeChat.Api;
using Platform.WeChat.Messaging;
using Platform.WeChat.Templates;
using WeChat.Gateway.Application;
using WeChat.Gateway.Application.Callbacks;
using WeChat.Gateway.Application.Credentials;
using WeChat.Gateway.Application.Menu;
using WeChat.Gateway.Application.MiniProgram;
using WeChat.Gateway.Application.OAuth;
using WeChat.Gateway.Application.Sending;
using WeChat.Gateway.Application.Users;
using WeChat.Gateway.Consumers;
using WeChat.Gateway.Infrastructure;

namespace WeChat.Gateway.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<WeChatGatewayOptions>()
            .Bind(builder.Configuration.GetSection(WeChatGatewayOptions.Section))
            .Validate(o => o.AppId.Length > 0 && o.AppSecret.Length > 0 && o.Token.Length > 0, "WeChat:AppId、AppSecret、Token 必须配置")
            .Validate(o => o.Mode == MessageEncryptionMode.Plaintext || o.EncodingAesKey is { Length: 43 },
                "兼容模式与安全模式需要 43 位的 WeChat:EncodingAesKey")
            .ValidateOnStart();
        builder.Services.AddPlatformSecurity(builder.Configuration);
        builder.Services.AddWeChatUserIds(builder.Configuration);

        builder.AddPlatformDbContext<WeChatDbContext>("wechatdb");
        builder.Services.AddSeeder<WeChatDbContext, LegacyOpenIds>();
        builder.Services.AddSeeder<WeChatDbContext, LegacyProfiles>();
        builder.AddPlatformMessaging<WeChatDbContext>("wechat", bus =>
        {
            bus.AddConsumer<WeChatTemplateMessageRequestedConsumer>();
            bus.AddConsumer<WeChatSubscribeMessageRequestedConsumer>();
            bus.AddConsumer<WeChatCustomerServiceMessageRequestedConsumer>();
            bus.AddConsumer<WeChatMiniProgramSubscribeMessageRequestedConsumer>();
        });

        // Token and ticket fetches (GET) are retried; sends (POST) are not, or a patient could get a message twice.
        builder.Services.AddHttpClient(WeChatClientFactory.HttpClientName)
            .AddPlatformResilience(o => o.WithTimeouts(TimeSpan.FromSeconds(10)));
        builder.Services.AddSingleton<WeChatClientFactory>();
        builder.Services.AddSingleton<CredentialStore>();
        builder.Services.AddSingleton<AccessTokenCredential>();
        builder.Services.AddSingleton<IAccessTokenSource>(sp => sp.GetRequiredService<AccessTokenCredential>());
        builder.Services.AddSingleton<CentralCredential>(sp => sp.GetRequiredService<AccessTokenCredential>());
        builder.Services.AddSingleton<JsApiTicketCredential>();
        builder.Services.AddSingleton<CentralCredential>(sp => sp.GetRequiredService<JsApiTicketCredential>());
        builder.Services.AddHostedService<CredentialRefresher>();

        builder.Services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<WeChatGatewayOptions>>().Value;
            return new WeChatCallbackCodec(new WeChatCallbackOptions
            {
                Token = o.Token, AppId = o.AppId, EncodingAesKey = o.EncodingAesKey, Mode = o.Mode,
            });
        });
        builder.Services.AddSingleton<IReplyComposer, ReplyComposer>();
        builder.Services.AddSingleton<ReplyDispatcher>();
        builder.Services.AddScoped<CallbackRecorder>();

        builder.Services.AddSingleton<ReturnUrlPolicy>();
        builder.Services.AddSingleton<OAuthStateSigner>();
        builder.Services.AddScoped<WeChatTickets>();
        builder.Services.AddScoped<WeChatUsers>();
        builder.Services.AddScoped<WeChatMessageSender>();
        builder.Services.AddHostedService<MenuInstaller>();
        builder.AddMiniProgram();
    }

    private static void AddMiniProgram(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MiniProgramOptions>().Bind(builder.Configuration.GetSection(MiniProgramOptions.Section))
            .Validate(o => o.AppId.Length == 0 == (o.AppSecret.Length == 0), "WeChat:MiniProgram:AppId 与 AppSecret 须同时配置")
            .Validate(o => MiniProgramSubscribeMessage.States.Contains(o.MessageState), "WeChat:MiniProgram:MessageState 只能是 developer、trial 或 formal")
            .ValidateOnStart();
        builder.Services.AddHttpClient(MiniProgramClientFactory.HttpClientName)
            .AddPlatformResilience(o =>
            {
                o.WithTimeouts(TimeSpan.FromSeconds(10));
                o.Retry.ShouldHandle = _ => ValueTask.FromResult(false);
            });
        builder.Services.AddSingleton<MiniProgramClientFactory>();
        builder.Services.AddSingleton<MiniProgramAccessTokenCredential>();
        builder.Services.AddSingleton<CentralCredential>(sp => sp.GetRequiredService<MiniProgramAccessTokenCredential>());
        builder.Services.AddScoped<MiniProgramSignIn>();
        builder.Services.AddScoped<MiniProgramPhoneNumbers>();
    }
}
