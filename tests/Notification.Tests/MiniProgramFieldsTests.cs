using Notification.API.Application.MiniProgram;
using Notification.API.Domain;

namespace Notification.Tests;

/// <summary>Our own texts shaped to WeChat's keyword types, so WeChat has no reason to answer 47003.</summary>
public sealed class MiniProgramFieldsTests
{
    private static Message MessageOf(string title, string body) => new()
    {
        AccountId = Guid.NewGuid(), Category = MessageCategory.Report, Title = title, Body = body,
        CreatedAt = new DateTimeOffset(2026, 12, 7, 23, 30, 0, TimeSpan.Zero),
    };

    private static MiniProgramTemplate Template(params (string Keyword, string Source)[] keywords) => new()
    {
        TemplateId = "t", Keywords = keywords.ToDictionary(k => k.Keyword, k => k.Source),
    };

    [Fact]
    public void Each_keyword_type_gets_a_value_within_its_rule()
    {
        var message = MessageOf("报告已出", "您的肝功能十二项（检验）已于12月8日 07:30出具，\n可在线查看。😀😀😀");
        var fields = MiniProgramFields.For(message, Template(("thing1", "title"), ("thing2", "body"), ("time3", "time"),
            ("phrase4", "=已出具了请查看"), ("character_string5", "=R-2026 12/08 报告"), ("name6", "=欧阳诸葛司马上官长名字"),
            ("date7", "body"), ("phrase8", "=OK")));

        Assert.Equal("报告已出", fields["thing1"]);
        Assert.Equal(20, fields["thing2"].EnumerateRunes().Count());
        Assert.EndsWith("…", fields["thing2"]);
        Assert.DoesNotContain("\n", fields["thing2"]);
        Assert.Equal("2026-12-08 07:30", fields["time3"]); // China time
        Assert.Equal("已出具了请", fields["phrase4"]);
        Assert.Equal("R-202612/08", fields["character_string5"]);
        Assert.Equal(10, fields["name6"].Length);
        Assert.Equal("2026-12-08 07:30", fields["date7"]); // free text is no date: the message's time instead
        Assert.Equal("新消息", fields["phrase8"]); // no Chinese to keep
    }

    [Fact]
    public void A_body_with_emoji_is_cut_by_characters_not_utf16_units()
    {
        var fields = MiniProgramFields.For(MessageOf("t", string.Concat(Enumerable.Repeat("😀", 30))), Template(("thing1", "body")));
        Assert.Equal(20, fields["thing1"].EnumerateRunes().Count());
    }

    [Fact]
    public void Grants_count_one_time_accepts_and_keep_long_term_ones()
    {
        var now = DateTimeOffset.UtcNow;
        var oneTime = new MiniProgramGrant { AccountId = Guid.NewGuid(), TemplateId = "a" };
        oneTime.Accept(longTerm: false, now);
        oneTime.Accept(longTerm: false, now);
        Assert.True(oneTime.TryConsume(now));
        Assert.True(oneTime.TryConsume(now));
        Assert.False(oneTime.TryConsume(now));
        oneTime.GiveBack(now);
        Assert.True(oneTime.TryConsume(now));

        var longTerm = new MiniProgramGrant { AccountId = Guid.NewGuid(), TemplateId = "b" };
        longTerm.Accept(longTerm: true, now);
        for (var i = 0; i < 5; i++) Assert.True(longTerm.TryConsume(now));
        longTerm.Clear(now);
        Assert.False(longTerm.TryConsume(now));
    }
}
