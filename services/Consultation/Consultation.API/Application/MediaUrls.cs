using System.Security.Cryptography;
using System.Text;
using Consultation.API.Extensions;
using Microsoft.Extensions.Options;

namespace Consultation.API.Application;

/// <summary>Short-lived signed links to media: an &lt;img&gt; cannot send the bearer token, so the API hands a participant
/// a URL that proves, until it expires, that they were allowed to see this file.</summary>
public sealed class MediaUrls(IOptions<ConsultationOptions> options, TimeProvider clock)
{
    private byte[] Key => Convert.FromBase64String(options.Value.MediaSigningKey);

    public string For(Guid mediaId)
    {
        var expires = clock.GetUtcNow().Add(options.Value.MediaUrlLifetime).ToUnixTimeSeconds();
        return $"/api/consultation/media/{mediaId}?exp={expires}&sig={Sign(mediaId, expires)}";
    }

    public bool IsValid(Guid mediaId, long expires, string? signature)
    {
        if (signature is null || clock.GetUtcNow().ToUnixTimeSeconds() > expires) return false;
        var expected = Encoding.ASCII.GetBytes(Sign(mediaId, expires));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
    }

    private string Sign(Guid mediaId, long expires) =>
        Base64Url(HMACSHA256.HashData(Key, Encoding.ASCII.GetBytes($"{mediaId:N}.{expires}")));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
