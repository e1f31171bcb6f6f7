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
        var encryption = configuration.GetSection("Security:FieldEncryption").Get<FieldEncryptionOptions>()
            ?? throw new InvalidOperationException("缺少配置 Security:FieldEncryption");
        services.AddSingleton<IFieldEncryptor>(new AesGcmFieldEncryptor(encryption));
        var hashKey = configuration["Security:LookupHashKey"]
            ?? throw new InvalidOperationException("缺少配置 Security:LookupHashKey");
        services.AddSingleton(new LookupHasher(hashKey));
        return services;
    }
}
