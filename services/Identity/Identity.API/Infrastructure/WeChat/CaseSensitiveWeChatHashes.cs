using Identity.API.Application;
using Identity.API.Application.WeChat;
using Microsoft.EntityFrameworkCore;
using Platform.Persistence;
using Platform.Security.Encryption;

namespace Identity.API.Infrastructure.WeChat;

/// <summary>Openids are case-sensitive ("oAb" and "oab" are two users), but their look-up hashes were once taken of the
/// upper-cased value. The migration <c>CaseSensitiveWeChatHashes</c> cleared those hashes; here, before the service
/// serves, each is taken again from the encrypted openid. Unionids were never stored, only hashed: their hashes were
/// cleared too, and the next sign-in through a bound openid records the unionid again (<c>WeChatAccountLinks.LearnAsync</c>).
/// Runs on every start and finds nothing once done.</summary>
internal sealed class CaseSensitiveWeChatHashes(IdentityHashes hashes, IFieldEncryptor encryptor, ILogger<CaseSensitiveWeChatHashes> logger)
    : ISeeder<IdentityDbContext>
{
    public async Task SeedAsync(IdentityDbContext db, CancellationToken ct)
    {
        var accounts = await db.Accounts
            .Where(a => (a.WeChatOpenIdEncrypted != null && a.WeChatOpenIdHash == null)
                || (a.MiniProgramOpenIdEncrypted != null && a.MiniProgramOpenIdHash == null))
            .ToListAsync(ct);
        foreach (var account in accounts)
        {
            if (account.WeChatOpenIdEncrypted is { } serviceAccount)
                account.WeChatOpenIdHash = hashes.WeChatOpenId(
                    encryptor.Decrypt(serviceAccount, WeChatAccountLinks.OpenIdContext(account, WeChatApps.ServiceAccount)));
            if (account.MiniProgramOpenIdEncrypted is { } miniProgram)
                account.MiniProgramOpenIdHash = hashes.WeChatOpenId(
                    encryptor.Decrypt(miniProgram, WeChatAccountLinks.OpenIdContext(account, WeChatApps.MiniProgram)));
        }
        await db.SaveChangesAsync(ct);
        if (accounts.Count > 0) logger.LogInformation("Re-hashed the WeChat openids of {Count} account(s)", accounts.Count);
    }
}
