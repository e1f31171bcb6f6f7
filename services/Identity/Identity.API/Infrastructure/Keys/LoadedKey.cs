using Microsoft.IdentityModel.Tokens;

namespace Identity.API.Infrastructure.Keys;

/// <summary>A signing key decrypted into memory, with the window in which it signs (it is published from creation until
/// its last token has expired).</summary>
public sealed record LoadedKey(string Kid, RsaSecurityKey Key, DateTimeOffset ActivatesAt, DateTimeOffset SigningEndsAt)
{
    public bool SignsAt(DateTimeOffset now) => ActivatesAt <= now && now < SigningEndsAt;
}
