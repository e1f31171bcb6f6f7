using System.Net;

namespace Platform.WeChat.Pay;

public enum WeChatPaySignatureFailure
{
    MissingHeaders,
    UnknownSerial,
    StaleTimestamp,
    BadSignature,
}

/// <summary>A response or callback could not be proven to come from WeChat Pay.</summary>
public sealed class WeChatPaySignatureException(WeChatPaySignatureFailure failure, string message) : Exception(message)
{
    public WeChatPaySignatureFailure Failure { get; } = failure;
}

/// <summary>A notification resource failed AES-256-GCM authentication or was malformed.</summary>
public sealed class WeChatPayDecryptionException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>WeChat Pay answered with an error body: {"code": "...", "message": "..."}.</summary>
public sealed class WeChatPayApiException(HttpStatusCode status, string code, string errorMessage, string api)
    : Exception($"WeChat Pay {api} failed: {(int)status} {code} {errorMessage}")
{
    public HttpStatusCode Status { get; } = status;
    public string Code { get; } = code;
    public string ErrorMessage { get; } = errorMessage;
    public string Api { get; } = api;
}
