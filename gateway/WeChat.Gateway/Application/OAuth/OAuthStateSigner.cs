using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace WeChat.Gateway.Application.OAuth;

/// <summary>state = random nonce + HMAC of it, letters and digits only (WeChat's rule). The HMAC rejects forged states
/// before any database read; the stored row makes each state usable once.</summary>
public sealed class OAuthStateSigner(IOptions<WeChatGatewayOptions> options)
{
    private const int NonceLength = 32;
    private const int MacLength = 32;
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public string Create()
    {
        var nonce = RandomNumberGenerator.GetString(Alphabet, NonceLength);
        return nonce + Mac(nonce);
    }

    public bool IsAuthentic(string? state)
    {
        if (state is not { Length: NonceLength + MacLength } || !state.All(char.IsAsciiLetterOrDigit)) return false;
        var expected = Encoding.ASCII.GetBytes(Mac(state[..NonceLength]));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(state[NonceLength..]));
    }

    private string Mac(string nonce)
    {
        var key = SHA256.HashData(Encoding.UTF8.GetBytes("wechat-oauth-state:" + options.Value.AppSecret + ":" + options.Value.Token));
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(nonce)))[..MacLength];
    }
}
