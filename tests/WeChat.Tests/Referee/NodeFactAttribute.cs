namespace WeChat.Tests.Referee;

/// <summary>A fact that needs node; skipped on a machine without it, except in CI where it must run.</summary>
public sealed class NodeFactAttribute : FactAttribute
{
    public NodeFactAttribute()
    {
        if (!NodeReferee.IsAvailable && !NodeReferee.Required)
            Skip = "node/npm not found; the committed vectors still run.";
    }
}
