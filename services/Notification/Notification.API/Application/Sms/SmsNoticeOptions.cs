namespace Notification.API.Application.Sms;

/// <summary>Section <c>Sms</c>, beside the shared sender's settings: the provider template carrying free text, and
/// its parameter name.</summary>
public sealed class SmsNoticeOptions
{
    public string Template { get; set; } = "notice";
    public string TextParameter { get; set; } = "text";
}
