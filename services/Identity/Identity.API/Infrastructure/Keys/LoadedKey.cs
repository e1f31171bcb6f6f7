using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Identity.API.Infrastructure.Keys;

/// <summary>A signing key decrypted into memory, with the window in which it signs and the one in which it is published.</summary>
public sealed record LoadedKey(string Kid, RsaSecurityKey PrivateKey, RsaSecurityKey PublicKey, DateTimeOffset ActivatesAt,
    DateTimeOffset SigningEndsAt)
{
    public bool SignsAt(DateTimeOffset now) => ActivatesAt <= now && now < SigningEndsAt;

    public Dictionary<string, string> ToJwk()
    {
        var parameters = PublicKey.Rsa.ExportParameters(false);
        return new Dictionary<string, string>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["alg"] = SecurityAlgorithms.RsaSha256,
            ["kid"] = Kid,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
    }

    public static RsaSecurityKey PublicFrom(string spkiBase64, string kid)
    {
        var rsa = RSA.Create();
        rsa.ImportSubjectPublicKeyInfo(Convert.FromBase64String(spkiBase64), out _);
        return new RsaSecurityKey(rsa) { KeyId = kid };
    }
}
