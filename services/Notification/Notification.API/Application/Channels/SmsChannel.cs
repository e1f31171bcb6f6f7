using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Notification.API.Application.Sms;
using Notification.API.Domain;
using Notification.API.Infrastructure;
using Platform.Security.Encryption;
using Platform.ServiceDefaults.Sms;

namespace Notification.API.Application.Channels;

/// <summary>Sends a message's SMS to the patient's phone. Lock screens show SMS to anyone nearby, so a critical value
/// is announced without the result itself.</summary>
public sealed class SmsChannel(NotificationDbContext db, ISmsSender sender, IOptions<SmsNoticeOptions> sms, IFieldEncryptor encryptor, TimeProvider clock)
{
    public const string PhoneContext = "patient_accounts.phone";

    public async Task SendAsync(Delivery delivery, Message message, DeliveryOptions options, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var link = await db.PatientAccounts.AsNoTracking()
            .FirstOrDefaultAsync(p => p.PatientId == message.PatientId && p.AccountId == message.AccountId, ct);
        if (link?.PhoneEncrypted is null)
        {
            delivery.Fail("no phone for this patient", now, options.MaxAttempts, options.MaxBackoff, permanent: true);
            return;
        }
        var phone = encryptor.Decrypt(link.PhoneEncrypted, PhoneContext);
        var text = TextFor(message, link.PatientName);
        var result = await sender.SendAsync(phone, sms.Value.Template, new Dictionary<string, string> { [sms.Value.TextParameter] = text }, ct);
        if (result.Sent) delivery.MarkSent(clock.GetUtcNow());
        else delivery.Fail(result.Error ?? "SMS not sent", clock.GetUtcNow(), options.MaxAttempts, options.MaxBackoff, result.Permanent);
    }

    public static string TextFor(Message message, string patientName)
    {
        var who = string.IsNullOrWhiteSpace(patientName) ? "您好" : $"{patientName}您好";
        return message.Category == MessageCategory.CriticalValue
            ? $"{who}，您有一项检查检验结果需要立即处理，请尽快联系医生或前往急诊就诊，详情请在智慧医院“消息”中查看。"
            : $"{who}，{message.Title}：{message.Body}";
    }
}
