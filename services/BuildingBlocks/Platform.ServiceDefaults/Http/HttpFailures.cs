using Polly;

namespace Platform.ServiceDefaults.Http;

/// <summary>Whether an outgoing call failed for a reason worth answering "try again later": the network, or the
/// resilience pipeline giving up (timeout, open circuit, rate limit).</summary>
/// <remarks>Services that also carry Polly 7 (OpenIddict's HTTP integrations bring it) cannot name Polly's
/// <c>ExecutionRejectedException</c>: both assemblies define it under the same name. This assembly sees only Polly 8.</remarks>
public static class HttpFailures
{
    public static bool IsTransient(Exception e) => e is HttpRequestException or TimeoutException or ExecutionRejectedException;
}
