using System.Security.Cryptography;
using System.Text;

namespace Platform.WeChat.Templates;

/// <summary>
/// client_msg_id makes WeChat drop a second send of the same (openid, id) within ten minutes; deriving it from a
/// business key (e.g. an outbox message id) means a retried delivery never reaches the patient twice.
/// </summary>
public static class ClientMsgId
{
    public const int MaxLength = 64;

    public static string From(string businessKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(businessKey)))[..32];

    public static string Validate(string clientMsgId)
    {
        if (clientMsgId.Length is 0 or > MaxLength || !clientMsgId.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            throw new ArgumentException("client_msg_id must be 1..64 letters, digits, '_' or '-'.", nameof(clientMsgId));
        return clientMsgId;
    }
}
