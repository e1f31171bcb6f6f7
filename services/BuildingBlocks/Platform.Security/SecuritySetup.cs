using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Security.Encryption;
using Platform.Security.Hashing;

namespace Platform.Security;

public static class SecuritySetup
{
    /// <summary>Field encryption (<c>Security:FieldEncryption</c>) and keyed look-up hashes (<c>Security:LookupHashKey</c>).
    /// Misconfiguration fails at start-up, never on the first request.</summary>
    public static IServiceCollection AddPlatformSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddFieldEncryption(configuration);
        var hashKey = configuration["Security:LookupHashKey"]
            ?? throw new InvalidOperationException("缺少配置 Security:LookupHashKey");
        services.AddSingleton(new LookupHasher(hashKey));
        return services;
    }

    /// <summary>Field encryption alone (<c>Security:FieldEncryption</c>).</summary>
    public static IServiceCollection AddFieldEncryption(this IServiceCollection services, IConfiguration configuration)
    {
        var encryption = configuration.GetSection("Security:FieldEncryption").Get<FieldEncryptionOptions>()
            ?? throw new InvalidOperationException("缺少配置 Security:FieldEncryption");
        services.AddSingleton<IFieldEncryptor>(new AesGcmFieldEncryptor(encryption));
        return services;
    }

    /// <summary>WeChat user ids (<c>Security:WeChatUserIdKey</c>, the same value in every service that deals with WeChat
    /// users, distinct from each service's own look-up hash key).</summary>
    public static IServiceCollection AddWeChatUserIds(this IServiceCollection services, IConfiguration configuration)
    {
        var key = configuration["Security:WeChatUserIdKey"]
            ?? throw new InvalidOperationException("缺少配置 Security:WeChatUserIdKey");
        services.AddSingleton(new Pseudonyms.WeChatUserIds(new LookupHasher(key)));
        return services;
    }
}
