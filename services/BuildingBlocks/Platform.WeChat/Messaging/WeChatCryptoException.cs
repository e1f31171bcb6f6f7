namespace Platform.WeChat.Messaging;

public enum WeChatCryptoFailure
{
    InvalidEncodingAesKey,
    InvalidSignature,
    MalformedCiphertext,
    InvalidPadding,
    InvalidLength,
    AppIdMismatch,
    MalformedEnvelope,
}

/// <summary>Raised when an inbound callback cannot be proven to come from WeChat for this account.</summary>
public sealed class WeChatCryptoException(WeChatCryptoFailure failure, string message)
    : Exception(message)
{
    public WeChatCryptoFailure Failure { get; } = failure;
}
