namespace Platform.WeChat.Messaging;

/// <summary>How the account's message encryption is configured in the WeChat admin console.</summary>
public enum MessageEncryptionMode
{
    /// <summary>明文模式: bodies are plain XML.</summary>
    Plaintext,
    /// <summary>兼容模式: WeChat sends plain fields and Encrypt side by side; either reply style is accepted.</summary>
    Compatible,
    /// <summary>安全模式: only the encrypted envelope is sent and expected back.</summary>
    Safe,
}

public sealed record WeChatCallbackOptions
{
    public required string Token { get; init; }
    public required string AppId { get; init; }
    public string? EncodingAesKey { get; init; }
    public MessageEncryptionMode Mode { get; init; } = MessageEncryptionMode.Safe;
    public int MaxBodyCharacters { get; init; } = Xml.SafeXml.DefaultMaxCharacters;
}

/// <summary>The query string WeChat appends to every callback POST.</summary>
public sealed record CallbackQuery(
    string Signature,
    string Timestamp,
    string Nonce,
    string? OpenId = null,
    string? EncryptType = null,
    string? MsgSignature = null)
{
    public bool IsEncrypted => string.Equals(EncryptType, "aes", StringComparison.OrdinalIgnoreCase);
}

/// <summary>The parsed inbound message plus what is needed to answer in the same style.</summary>
public sealed record OpenedCallback(InboundMessage Message, string PlainXml, bool WasEncrypted);
