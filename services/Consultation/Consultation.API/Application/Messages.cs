using System.Security.Claims;
using System.Text.Json;
using Consultation.API.Domain;
using Consultation.API.Extensions;
using Consultation.API.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Problems;

namespace Consultation.API.Application;

/// <summary>The chat: numbered messages (a page re-reads from the last number it holds after any reconnection), read
/// receipts as the highest number each side has seen, and images uploaded, cleaned and linked by signed URL.</summary>
public sealed class Messages(
    ConsultationDbContext db, Participants participants, Consultations consultations, IMediaStore store, MediaUrls urls,
    IOptions<ConsultationOptions> options, TimeProvider clock)
{
    public async Task<IReadOnlyList<MessageDto>> ListAsync(ClaimsPrincipal user, Guid id, long after, CancellationToken ct)
    {
        var (consultation, side) = await participants.RequireAsync(user, id, ct);
        await db.SaveChangesAsync(ct);
        var messages = await db.Messages.AsNoTracking().Where(m => m.ConsultationId == id && m.Seq > after)
            .OrderBy(m => m.Seq).Take(500).ToListAsync(ct);
        var mediaIds = messages.Where(m => m.MediaId != null).Select(m => m.MediaId!.Value).ToList();
        var media = await db.Media.AsNoTracking().Where(m => mediaIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        var otherRead = side == Senders.Doctor ? consultation.PatientReadSeq : consultation.DoctorReadSeq;
        return messages.Select(m =>
        {
            var file = m.MediaId is { } mid ? media.GetValueOrDefault(mid) : null;
            return new MessageDto(m.Id, m.Seq, m.Sender, m.Text, file is { } image && !IsVoice(image) ? ImageOf(image) : null,
                m.Card, m.SentAt, m.Sender == side && m.Seq <= otherRead, file is { } voice && IsVoice(voice) ? MediaOf(voice) : null);
        }).ToList();
    }

    public async Task<MessageDto> PostAsync(ClaimsPrincipal user, Guid id, PostMessageRequest request, CancellationToken ct)
    {
        var text = request.Text?.Trim();
        if (string.IsNullOrEmpty(text)) text = null;
        var errors = new Dictionary<string, string[]>();
        if (text is null && request.MediaId is null && request.Card is null) errors["text"] = ["请输入消息内容"];
        if (text?.Length > 2000) errors["text"] = ["消息不能超过2000字"];
        if (request.Card is { } card && !IsJsonObject(card)) errors["card"] = ["卡片内容格式不正确"];
        if (errors.Count > 0) throw ProblemException.Invalid(errors);

        // Two messages at once both number themselves from the same count; the loser re-reads and numbers again.
        for (var attempt = 0; ; attempt++)
        {
            var (consultation, side) = await participants.RequireAsync(user, id, ct, tracked: true);
            if (request.Card is not null && side != Senders.Doctor) throw new ProblemException(403, "doctor_only", "只有医生可以发送随访计划");
            if (!ConsultationStatus.IsOpen(consultation.Status))
                throw ProblemException.Conflict("not_open", consultation.Status == ConsultationStatus.AwaitingPayment
                    ? "请先支付咨询费，支付后即可与医生交流" : $"咨询{ConsultationStatus.TextOf(consultation.Status)}，不能再发送消息");
            MediaObject? media = null;
            if (request.MediaId is { } mediaId)
            {
                media = await db.Media.SingleOrDefaultAsync(m => m.Id == mediaId, ct);
                if (media is null || (media.ConsultationId != id && !(media.ConsultationId == null && media.UploadedByAccount == AccountOf(user))))
                    throw ProblemException.NotFound("图片");
                media.ConsultationId = id;
            }
            var now = clock.GetUtcNow();
            if (side == Senders.Doctor && consultation.Status == ConsultationStatus.Waiting)
            {
                consultation.Status = ConsultationStatus.InProgress;
                consultation.AcceptedAt = now;
            }
            var message = consultations.AddMessage(consultation, side, text, request.MediaId, request.Card, now);
            consultations.Changed(consultation, "message");
            try
            {
                await db.SaveChangesAsync(ct);
                return new MessageDto(message.Id, message.Seq, side, text, media is { } i && !IsVoice(i) ? ImageOf(i) : null, request.Card, now,
                    false, media is { } v && IsVoice(v) ? MediaOf(v) : null);
            }
            catch (DbUpdateException) when (attempt < 4)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    public async Task<long> ReadAsync(ClaimsPrincipal user, Guid id, long seq, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var (consultation, side) = await participants.RequireAsync(user, id, ct, tracked: true);
            var upTo = Math.Min(seq, consultation.MessageCount);
            var current = side == Senders.Doctor ? consultation.DoctorReadSeq : consultation.PatientReadSeq;
            if (upTo <= current) return current;
            if (side == Senders.Doctor) consultation.DoctorReadSeq = upTo;
            else consultation.PatientReadSeq = upTo;
            consultations.Changed(consultation, "read");
            try
            {
                await db.SaveChangesAsync(ct);
                return upTo;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 4)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>An image for a consultation (or, with no consultation yet, for the patient's description of a new one).</summary>
    public async Task<MediaDto> UploadAsync(ClaimsPrincipal user, Guid? consultationId, IFormFile? file, CancellationToken ct)
    {
        var account = AccountOf(user);
        if (consultationId is { } cid)
        {
            var (consultation, _) = await participants.RequireAsync(user, cid, ct);
            if (consultation.Status is ConsultationStatus.Ended or ConsultationStatus.Cancelled)
                throw ProblemException.Conflict("not_open", "咨询已结束，不能再上传图片");
        }
        else if (!user.IsInRole(Platform.ServiceDefaults.Auth.PlatformRoles.Patient))
            throw new ProblemException(403, "patient_only", "请在咨询中上传图片");
        if (file is null || file.Length == 0)
            throw ProblemException.Invalid(new Dictionary<string, string[]> { ["file"] = ["请选择图片"] });
        if (file.Length > options.Value.MaxImageBytes)
            throw new ProblemException(413, "image_too_large", $"图片不能超过{options.Value.MaxImageBytes / 1024 / 1024}MB");
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        MediaObject media;
        if (ImageSanitizer.SniffType(bytes) is null && AudioCheck.SniffType(bytes) is not null)
        {
            var type = AudioCheck.Require(bytes, options.Value.MaxVoiceBytes);
            media = new MediaObject
            {
                ConsultationId = consultationId, UploadedByAccount = account, ContentType = type, Size = bytes.Length, CreatedAt = clock.GetUtcNow(),
            };
            await store.PutAsync(media.Id, type, bytes, ct);
        }
        else
        {
            var clean = ImageSanitizer.Clean(bytes, options.Value.MaxImageSide);
            media = new MediaObject
            {
                ConsultationId = consultationId, UploadedByAccount = account, ContentType = clean.ContentType, Size = clean.Bytes.Length,
                Width = clean.Width, Height = clean.Height, CreatedAt = clock.GetUtcNow(),
            };
            await store.PutAsync(media.Id, clean.ContentType, clean.Bytes, ct);
        }
        db.Media.Add(media);
        await db.SaveChangesAsync(ct);
        return MediaOf(media);
    }

    private static bool IsVoice(MediaObject media) => media.ContentType.StartsWith("audio/", StringComparison.Ordinal);

    private ImageDto ImageOf(MediaObject media) => new(media.Id, urls.For(media.Id), media.Width, media.Height);

    private MediaDto MediaOf(MediaObject media) =>
        new(media.Id, IsVoice(media) ? "voice" : "image", urls.For(media.Id), media.ContentType, media.Width, media.Height);

    private static Guid AccountOf(ClaimsPrincipal user) => Platform.ServiceDefaults.Auth.AccountClaims.AccountId(user);

    private static bool IsJsonObject(string json)
    {
        try { return json.Length <= 4000 && JsonDocument.Parse(json).RootElement.ValueKind == JsonValueKind.Object; }
        catch (JsonException) { return false; }
    }
}
