using System.Xml.Linq;
using Platform.WeChat.Messaging.Xml;

namespace Platform.WeChat.Messaging;

/// <summary>Turns a decrypted callback body into a typed message or event.</summary>
public static class InboundMessageParser
{
    public static InboundMessage Parse(string xml, int maxCharacters = SafeXml.DefaultMaxCharacters) =>
        Parse(SafeXml.ParseRoot(xml, maxCharacters));

    public static InboundMessage Parse(XElement root)
    {
        var msgType = root.RequiredChild("MsgType");
        return msgType == "event" ? ParseEvent(root, msgType) : ParseMessage(root, msgType);
    }

    private static InboundMessage ParseMessage(XElement x, string msgType)
    {
        string to = x.RequiredChild("ToUserName"), from = x.RequiredChild("FromUserName");
        long created = RequiredInt64(x, "CreateTime"), msgId = RequiredInt64(x, "MsgId");
        return msgType switch
        {
            "text" => new TextMessage
            {
                ToUserName = to, FromUserName = from, CreateTime = created, MsgType = msgType, MsgId = msgId,
                Content = x.RequiredChild("Content"),
            },
            "image" => new ImageMessage
            {
                ToUserName = to, FromUserName = from, CreateTime = created, MsgType = msgType, MsgId = msgId,
                PicUrl = x.RequiredChild("PicUrl"), MediaId = x.RequiredChild("MediaId"),
            },
            "voice" => new VoiceMessage
            {
                ToUserName = to, FromUserName = from, CreateTime = created, MsgType = msgType, MsgId = msgId,
                MediaId = x.RequiredChild("MediaId"), Format = x.RequiredChild("Format"), Recognition = x.Child("Recognition"),
            },
            "location" => new LocationMessage
            {
                ToUserName = to, FromUserName = from, CreateTime = created, MsgType = msgType, MsgId = msgId,
                Latitude = RequiredDouble(x, "Location_X"), Longitude = RequiredDouble(x, "Location_Y"),
                Scale = (int)(x.ChildInt64("Scale") ?? 0), Label = x.Child("Label"),
            },
            "link" => new LinkMessage
            {
                ToUserName = to, FromUserName = from, CreateTime = created, MsgType = msgType, MsgId = msgId,
                Title = x.RequiredChild("Title"), Description = x.Child("Description"), Url = x.RequiredChild("Url"),
            },
            _ => new OtherMessage
            {
                ToUserName = to, FromUserName = from, CreateTime = created, MsgType = msgType, MsgId = msgId,
                RawXml = x.ToString(SaveOptions.DisableFormatting),
            },
        };
    }

    private static InboundEvent ParseEvent(XElement x, string msgType)
    {
        string to = x.RequiredChild("ToUserName"), from = x.RequiredChild("FromUserName");
        var created = RequiredInt64(x, "CreateTime");
        var evt = x.RequiredChild("Event");
        return evt switch
        {
            "subscribe" => new SubscribeEvent
            {
                ToUserName = to, FromUserName = from, CreateTime = created, MsgType = msgType, Event = evt,
                EventKey = NullIfEmpty(x.Child("EventKey")), Ticket = NullIfEmpty(x.Child("Ticket")),
            },
            "unsubscribe" => new UnsubscribeEvent
            {
                ToUserName = to, FromUserName = from, CreateTime = created, MsgType = msgType, Event = evt,
            },
            "SCAN" => new ScanEvent
            {
                ToUserName = to, FromUserName = from, CreateTime = created, MsgType = msgType, Event = evt,
                SceneValue = x.RequiredChild("EventKey"), Ticket = NullIfEmpty(x.Child("Ticket")),
            },
            "CLICK" => new ClickEvent
            {
                ToUserName = to, FromUserName = from, CreateTime = created, MsgType = msgType, Event = evt,
                EventKey = x.RequiredChild("EventKey"),
            },
            "VIEW" => new ViewEvent
            {
                ToUserName = to, FromUserName = from, CreateTime = created, MsgType = msgType, Event = evt,
                Url = x.RequiredChild("EventKey"), MenuId = NullIfEmpty(x.Child("MenuId")),
            },
            "LOCATION" => new LocationReportEvent
            {
                ToUserName = to, FromUserName = from, CreateTime = created, MsgType = msgType, Event = evt,
                Latitude = RequiredDouble(x, "Latitude"), Longitude = RequiredDouble(x, "Longitude"),
                Precision = x.ChildDouble("Precision") ?? 0,
            },
            "TEMPLATESENDJOBFINISH" => new TemplateSendJobFinishEvent
            {
                ToUserName = to, FromUserName = from, CreateTime = created, MsgType = msgType, Event = evt,
                MsgId = RequiredInt64(x, "MsgID"), Status = x.RequiredChild("Status"),
            },
            "subscribe_msg_popup_event" => new SubscribeMessagePopupEvent
            {
                ToUserName = to, FromUserName = from, CreateTime = created, MsgType = msgType, Event = evt,
                Choices = ParseChoices(x.Element("SubscribeMsgPopupEvent")),
            },
            _ => new OtherEvent
            {
                ToUserName = to, FromUserName = from, CreateTime = created, MsgType = msgType, Event = evt,
                EventKey = NullIfEmpty(x.Child("EventKey")), RawXml = x.ToString(SaveOptions.DisableFormatting),
            },
        };
    }

    private static IReadOnlyList<SubscribeMessageChoice> ParseChoices(XElement? container) =>
        container is null
            ? []
            : container.Elements("List")
                .Select(item => new SubscribeMessageChoice(
                    item.RequiredChild("TemplateId"), item.RequiredChild("SubscribeStatusString"), NullIfEmpty(item.Child("PopupScene"))))
                .ToList();

    private static long RequiredInt64(XElement x, string name) =>
        x.ChildInt64(name) ?? throw new WeChatXmlException($"<{name}> is missing or not an integer.");

    private static double RequiredDouble(XElement x, string name) =>
        x.ChildDouble(name) ?? throw new WeChatXmlException($"<{name}> is missing or not a number.");

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
