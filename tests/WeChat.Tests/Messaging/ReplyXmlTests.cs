using Platform.WeChat.Messaging;
using Platform.WeChat.Messaging.Xml;

namespace WeChat.Tests.Messaging;

public class ReplyXmlTests
{
    [Theory]
    [InlineData("您好")]
    [InlineData("a]]>b")]
    [InlineData("]]>]]>")]
    [InlineData("<script>alert(1)</script> & ]]><![CDATA[ x")]
    [InlineData("]]")]
    public void Text_reply_survives_any_content(string content)
    {
        var xml = ReplyXml.Text("oPatient", "gh_hospital", 1714000000, content);
        var root = SafeXml.ParseRoot(xml);
        Assert.Equal(content, root.Child("Content"));
        Assert.Equal("text", root.Child("MsgType"));
        Assert.Equal("oPatient", root.Child("ToUserName"));
        Assert.Equal("1714000000", root.Child("CreateTime"));
    }

    [Fact]
    public void Control_characters_invalid_in_xml_are_dropped_not_emitted()
    {
        var xml = ReplyXml.Text("o", "gh", 1, "a\u0001b\u001Fc\n🚑");
        Assert.Equal("abc\n🚑", SafeXml.ParseRoot(xml).Child("Content"));
    }

    [Fact]
    public void News_reply_has_article_count_and_items()
    {
        var xml = ReplyXml.News("o", "gh", 1, [new NewsArticle("就诊须知]]>", "描述", "https://img/1.png", "https://h5/guide")]);
        var root = SafeXml.ParseRoot(xml);
        Assert.Equal("news", root.Child("MsgType"));
        Assert.Equal("1", root.Child("ArticleCount"));
        var item = root.Element("Articles")!.Element("item")!;
        Assert.Equal("就诊须知]]>", item.Child("Title"));
        Assert.Equal("https://h5/guide", item.Child("Url"));
    }

    [Fact]
    public void News_reply_rejects_more_than_one_article()
    {
        var article = new NewsArticle("t", null, null, "https://u");
        Assert.Throws<ArgumentException>(() => ReplyXml.News("o", "gh", 1, [article, article]));
        Assert.Throws<ArgumentException>(() => ReplyXml.News("o", "gh", 1, []));
    }

    [Fact]
    public void Encrypted_envelope_has_the_four_fields()
    {
        var root = SafeXml.ParseRoot(ReplyXml.EncryptedEnvelope("ENC==", "sig", "1714000000", "nonce"));
        Assert.Equal(("ENC==", "sig", "1714000000", "nonce"),
            (root.Child("Encrypt"), root.Child("MsgSignature"), root.Child("TimeStamp"), root.Child("Nonce")));
        Assert.Throws<ArgumentException>(() => ReplyXml.EncryptedEnvelope("e", "s", "12<x/>", "n"));
    }
}
