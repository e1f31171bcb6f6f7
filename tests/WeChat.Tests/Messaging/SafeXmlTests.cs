using Platform.WeChat.Messaging;
using Platform.WeChat.Messaging.Xml;

namespace WeChat.Tests.Messaging;

public class SafeXmlTests
{
    private const string Header = "<ToUserName>gh_1</ToUserName><FromUserName>o1</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><MsgId>1</MsgId>";

    [Fact]
    public void External_entity_pointing_at_local_file_is_rejected()
    {
        const string xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE xml [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
            <xml><ToUserName>gh_1</ToUserName><FromUserName>o1</FromUserName><CreateTime>1</CreateTime>
            <MsgType>text</MsgType><MsgId>1</MsgId><Content>&xxe;</Content></xml>
            """;
        var ex = Assert.Throws<WeChatXmlException>(() => InboundMessageParser.Parse(xxe));
        Assert.DoesNotContain("root:", ex.Message);
    }

    [Fact]
    public void External_dtd_is_rejected()
    {
        const string xml = """<!DOCTYPE xml SYSTEM "file:///etc/passwd"><xml><MsgType>text</MsgType></xml>""";
        Assert.Throws<WeChatXmlException>(() => SafeXml.ParseRoot(xml));
    }

    [Fact]
    public void Billion_laughs_is_rejected()
    {
        var entities = string.Concat(Enumerable.Range(1, 9).Select(i =>
            $"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">"));
        var xml = $"<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol0 \"lol\">{entities}]><xml>{Header}<Content>&lol9;</Content></xml>";
        Assert.Throws<WeChatXmlException>(() => InboundMessageParser.Parse(xml));
    }

    [Fact]
    public void Oversized_body_is_rejected_before_parsing()
    {
        var xml = $"<xml>{Header}<Content>{new string('x', SafeXml.DefaultMaxCharacters)}</Content></xml>";
        Assert.Throws<WeChatXmlException>(() => InboundMessageParser.Parse(xml));
    }

    [Fact]
    public void Custom_size_limit_is_enforced()
    {
        var xml = $"<xml>{Header}<Content>{new string('x', 200)}</Content></xml>";
        Assert.IsType<TextMessage>(InboundMessageParser.Parse(xml));
        Assert.Throws<WeChatXmlException>(() => InboundMessageParser.Parse(xml, maxCharacters: 200));
    }

    [Theory]
    [InlineData("<xml><unclosed></xml>")]
    [InlineData("plain text")]
    [InlineData("<xml>" + "<MsgType>text</MsgType></xml>")]
    public void Malformed_or_incomplete_xml_is_rejected(string xml)
    {
        Assert.Throws<WeChatXmlException>(() => InboundMessageParser.Parse(xml));
    }
}
