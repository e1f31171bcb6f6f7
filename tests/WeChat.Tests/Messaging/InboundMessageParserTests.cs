using Platform.WeChat.Messaging;

namespace WeChat.Tests.Messaging;

public class InboundMessageParserTests
{
    private static string Msg(string type, string body, long msgId = 1234567890123456) =>
        $"<xml><ToUserName><![CDATA[gh_hospital]]></ToUserName><FromUserName><![CDATA[oPatient1]]></FromUserName>" +
        $"<CreateTime>1714000000</CreateTime><MsgType><![CDATA[{type}]]></MsgType>{body}<MsgId>{msgId}</MsgId></xml>";

    private static string Evt(string evt, string body = "") =>
        "<xml><ToUserName><![CDATA[gh_hospital]]></ToUserName><FromUserName><![CDATA[oPatient1]]></FromUserName>" +
        $"<CreateTime>1714000001</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[{evt}]]></Event>{body}</xml>";

    [Fact]
    public void Text_message()
    {
        var m = Assert.IsType<TextMessage>(InboundMessageParser.Parse(Msg("text", "<Content><![CDATA[挂号 ]]]]><![CDATA[> 1]]></Content>")));
        Assert.Equal("挂号 ]]> 1", m.Content);
        Assert.Equal("gh_hospital", m.ToUserName);
        Assert.Equal("oPatient1", m.FromUserName);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1714000000), m.CreatedAt);
        Assert.Equal("msg:1234567890123456", m.DedupKey);
    }

    [Fact]
    public void Image_voice_location_and_link_messages()
    {
        var image = Assert.IsType<ImageMessage>(InboundMessageParser.Parse(Msg("image", "<PicUrl>http://p/1.jpg</PicUrl><MediaId>m1</MediaId>")));
        Assert.Equal(("http://p/1.jpg", "m1"), (image.PicUrl, image.MediaId));

        var voice = Assert.IsType<VoiceMessage>(InboundMessageParser.Parse(Msg("voice", "<MediaId>m2</MediaId><Format>amr</Format><Recognition>头疼</Recognition>")));
        Assert.Equal(("m2", "amr", "头疼"), (voice.MediaId, voice.Format, voice.Recognition));

        var location = Assert.IsType<LocationMessage>(InboundMessageParser.Parse(Msg("location",
            "<Location_X>23.134521</Location_X><Location_Y>113.358803</Location_Y><Scale>20</Scale><Label><![CDATA[门诊楼]]></Label>")));
        Assert.Equal((23.134521, 113.358803, 20, "门诊楼"), (location.Latitude, location.Longitude, location.Scale, location.Label));

        var link = Assert.IsType<LinkMessage>(InboundMessageParser.Parse(Msg("link", "<Title>t</Title><Description>d</Description><Url>http://u</Url>")));
        Assert.Equal(("t", "d", "http://u"), (link.Title, link.Description, link.Url));
    }

    [Fact]
    public void Unmodelled_message_type_keeps_raw_xml()
    {
        var other = Assert.IsType<OtherMessage>(InboundMessageParser.Parse(Msg("video", "<MediaId>v</MediaId>")));
        Assert.Contains("<MediaId>v</MediaId>", other.RawXml);
    }

    [Fact]
    public void Subscribe_from_parametric_qr_code_exposes_scene_value()
    {
        var e = Assert.IsType<SubscribeEvent>(InboundMessageParser.Parse(Evt("subscribe",
            "<EventKey><![CDATA[qrscene_dept-cardiology]]></EventKey><Ticket><![CDATA[TICKET]]></Ticket>")));
        Assert.Equal("dept-cardiology", e.SceneValue);
        Assert.Equal("TICKET", e.Ticket);
        Assert.Equal("evt:oPatient1:1714000001:subscribe", e.DedupKey);
    }

    [Fact]
    public void Plain_subscribe_has_no_scene()
    {
        var e = Assert.IsType<SubscribeEvent>(InboundMessageParser.Parse(Evt("subscribe", "<EventKey><![CDATA[]]></EventKey>")));
        Assert.Null(e.EventKey);
        Assert.Null(e.SceneValue);
    }

    [Fact]
    public void Menu_scan_location_and_unsubscribe_events()
    {
        Assert.IsType<UnsubscribeEvent>(InboundMessageParser.Parse(Evt("unsubscribe")));

        var scan = Assert.IsType<ScanEvent>(InboundMessageParser.Parse(Evt("SCAN", "<EventKey>dept-cardiology</EventKey><Ticket>T</Ticket>")));
        Assert.Equal("dept-cardiology", scan.SceneValue);

        var click = Assert.IsType<ClickEvent>(InboundMessageParser.Parse(Evt("CLICK", "<EventKey>MY_REPORTS</EventKey>")));
        Assert.Equal("MY_REPORTS", click.EventKey);

        var view = Assert.IsType<ViewEvent>(InboundMessageParser.Parse(Evt("VIEW", "<EventKey>https://h5/booking</EventKey><MenuId>9</MenuId>")));
        Assert.Equal(("https://h5/booking", "9"), (view.Url, view.MenuId));

        var loc = Assert.IsType<LocationReportEvent>(InboundMessageParser.Parse(Evt("LOCATION",
            "<Latitude>23.137466</Latitude><Longitude>113.352425</Longitude><Precision>119.385040</Precision>")));
        Assert.Equal((23.137466, 113.352425, 119.38504), (loc.Latitude, loc.Longitude, loc.Precision));
    }

    [Fact]
    public void Template_send_job_finish_event()
    {
        var e = Assert.IsType<TemplateSendJobFinishEvent>(InboundMessageParser.Parse(Evt("TEMPLATESENDJOBFINISH",
            "<MsgID>200163836</MsgID><Status><![CDATA[failed:user block]]></Status>")));
        Assert.Equal(200163836, e.MsgId);
        Assert.False(e.Succeeded);
    }

    [Fact]
    public void Subscribe_message_popup_event_lists_each_choice()
    {
        var e = Assert.IsType<SubscribeMessagePopupEvent>(InboundMessageParser.Parse(Evt("subscribe_msg_popup_event",
            "<SubscribeMsgPopupEvent><List><TemplateId><![CDATA[T1]]></TemplateId><SubscribeStatusString><![CDATA[accept]]></SubscribeStatusString><PopupScene>2</PopupScene></List>" +
            "<List><TemplateId><![CDATA[T2]]></TemplateId><SubscribeStatusString><![CDATA[reject]]></SubscribeStatusString><PopupScene>2</PopupScene></List></SubscribeMsgPopupEvent>")));
        Assert.Equal(2, e.Choices.Count);
        Assert.True(e.Choices[0].Accepted);
        Assert.Equal("T2", e.Choices[1].TemplateId);
        Assert.False(e.Choices[1].Accepted);
    }

    [Fact]
    public void Retried_delivery_of_the_same_event_has_the_same_dedup_key_and_different_events_do_not()
    {
        var first = InboundMessageParser.Parse(Evt("CLICK", "<EventKey>A</EventKey>"));
        var retry = InboundMessageParser.Parse(Evt("CLICK", "<EventKey>A</EventKey>"));
        var other = InboundMessageParser.Parse(Evt("VIEW", "<EventKey>http://x</EventKey>"));
        Assert.Equal(first.DedupKey, retry.DedupKey);
        Assert.NotEqual(first.DedupKey, other.DedupKey);
        Assert.NotEqual(InboundMessageParser.Parse(Msg("text", "<Content>a</Content>", 1)).DedupKey,
            InboundMessageParser.Parse(Msg("text", "<Content>a</Content>", 2)).DedupKey);
    }
}
