namespace WeChat.Gateway.Application.Callbacks;

/// <summary>A parametric QR code's scene string "name:value", e.g. "checkin:ENT-01" or "map:east-gate".</summary>
public sealed record SceneCode(string Name, string Value)
{
    public const string CheckIn = "checkin";
    public const string Map = "map";

    public static SceneCode Parse(string scene)
    {
        var colon = scene.IndexOf(':');
        return colon < 0 ? new SceneCode(scene, "") : new SceneCode(scene[..colon], scene[(colon + 1)..]);
    }
}
