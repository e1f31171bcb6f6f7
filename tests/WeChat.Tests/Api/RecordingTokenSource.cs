using Platform.WeChat.Api;

namespace WeChat.Tests.Api;

/// <summary>Stands in for the gateway's central token cache and records refresh requests.</summary>
public sealed class RecordingTokenSource(string initial, string afterRefresh) : IAccessTokenSource
{
    private string _current = initial;

    public List<string> RefreshedBecauseOf { get; } = [];

    public ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(_current);

    public ValueTask<string> RefreshAccessTokenAsync(string rejectedToken, CancellationToken cancellationToken = default)
    {
        RefreshedBecauseOf.Add(rejectedToken);
        _current = afterRefresh;
        return ValueTask.FromResult(_current);
    }
}
