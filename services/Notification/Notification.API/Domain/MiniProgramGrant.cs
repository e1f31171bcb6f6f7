namespace Notification.API.Domain;

/// <summary>What an account let the mini-program send it for one template, as reported by the client after
/// wx.requestSubscribeMessage: each "accept" of a one-time template is one message; a long-term template, once
/// accepted, stays until the user bans it or WeChat refuses it (43101).</summary>
public sealed class MiniProgramGrant
{
    public Guid AccountId { get; init; }
    public required string TemplateId { get; init; }
    public int OneTime { get; private set; }
    public bool LongTerm { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public bool IsUsable => LongTerm || OneTime > 0;

    public void Accept(bool longTerm, DateTimeOffset at)
    {
        if (longTerm) LongTerm = true;
        else OneTime++;
        UpdatedAt = at;
    }

    /// <summary>One message goes out under this grant: a one-time grant is spent, a long-term one is not.</summary>
    public bool TryConsume(DateTimeOffset at)
    {
        if (LongTerm) return true;
        if (OneTime <= 0) return false;
        OneTime--;
        UpdatedAt = at;
        return true;
    }

    /// <summary>The message was not sent after all (refused for its values, WeChat unreachable): WeChat spent nothing,
    /// so the one-time grant the planning took is the user's again.</summary>
    public void GiveBack(DateTimeOffset at)
    {
        if (LongTerm) return;
        OneTime++;
        UpdatedAt = at;
    }

    /// <summary>"ban" in the client, or WeChat answered 43101: nothing more is sent under this template.</summary>
    public void Clear(DateTimeOffset at)
    {
        OneTime = 0;
        LongTerm = false;
        UpdatedAt = at;
    }
}
