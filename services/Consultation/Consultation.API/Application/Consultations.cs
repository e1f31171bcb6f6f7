using System.Security.Claims;
using Consultation.API.Domain;
using Consultation.API.Extensions;
using Consultation.API.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Contracts.Consultation;
using Platform.Contracts.Payment;
using Platform.Messaging.Outbox;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;

namespace Consultation.API.Application;

/// <summary>A consultation's life (B01, X01): asked for and paid for by the patient, answered and ended by the doctor or
/// by its time limit. Every change tells the open chat pages through <see cref="ConsultationChangedIntegrationEvent"/>.</summary>
public sealed class Consultations(
    ConsultationDbContext db, IIntegrationEventOutbox outbox, Participants participants, FollowUpEligibility eligibility,
    MediaUrls urls, IOptions<ConsultationOptions> options, TimeProvider clock)
{
    public const int MaxAttachments = 9;

    public async Task<ConsultationDto> CreateAsync(ClaimsPrincipal user, CreateConsultationRequest request, CancellationToken ct)
    {
        var account = user.AccountId();
        await participants.RequirePatientAsync(user, request.PatientId, ct);
        var kind = request.Kind ?? ConsultationKinds.Text;
        var complaint = request.Complaint?.Trim() ?? "";
        var attachmentIds = request.AttachmentIds?.Distinct().ToList() ?? [];
        var errors = new Dictionary<string, string[]>();
        if (!ConsultationKinds.IsKnown(kind)) errors["kind"] = ["咨询类型不正确"];
        if (complaint.Length < 5) errors["complaint"] = ["请描述您的病情（至少5个字）"];
        else if (complaint.Length > 1000) errors["complaint"] = ["病情描述不能超过1000字"];
        if (attachmentIds.Count > MaxAttachments) errors["attachmentIds"] = [$"最多上传{MaxAttachments}张图片"];
        if (string.IsNullOrWhiteSpace(request.PractitionerId)) errors["practitionerId"] = ["请选择医生"];
        if (errors.Count > 0) throw ProblemException.Invalid(errors);

        var doctor = await db.Doctors.AsNoTracking().SingleOrDefaultAsync(d => d.PractitionerHisId == request.PractitionerId && d.Active, ct)
                     ?? throw ProblemException.NotFound("医生");
        var offered = kind == ConsultationKinds.Text ? doctor.OffersText : doctor.OffersFollowUp;
        if (!offered)
            throw ProblemException.Conflict("not_offered", kind == ConsultationKinds.Text ? "该医生暂未开通图文咨询" : "该医生暂未开通互联网复诊");
        var departments = await db.Departments.AsNoTracking().Where(d => doctor.DepartmentCodes.Contains(d.Code)).ToListAsync(ct);
        var department = departments.FirstOrDefault();
        string? priorDiagnosis = null;
        if (kind == ConsultationKinds.FollowUp)
        {
            var verdict = await eligibility.CheckAsync(request.PatientId, departments, request.Urgent, ct);
            if (!verdict.Eligible)
                throw new ProblemException(422, "followup_ineligible", verdict.Reason!);
            priorDiagnosis = verdict.PriorDiagnosis;
        }

        var attachments = attachmentIds.Count == 0 ? [] : await db.Media
            .Where(m => attachmentIds.Contains(m.Id) && m.UploadedByAccount == account && m.ConsultationId == null).ToListAsync(ct);
        if (attachments.Count != attachmentIds.Count) throw ProblemException.NotFound("图片");

        var now = clock.GetUtcNow();
        var fee = kind == ConsultationKinds.Text ? doctor.TextFeeFen : doctor.FollowUpFeeFen;
        var consultation = new OnlineConsultation
        {
            AccountId = account, PatientId = request.PatientId, PractitionerHisId = doctor.PractitionerHisId, DoctorName = doctor.Name,
            DepartmentCode = department?.Code ?? "", DepartmentName = department?.Name ?? "", Kind = kind, Complaint = complaint,
            AttachmentIds = attachmentIds, PriorDiagnosis = priorDiagnosis, FeeFen = fee, CreatedAt = now,
            PayBy = now + options.Value.PayWithin,
        };
        foreach (var media in attachments) media.ConsultationId = consultation.Id;
        db.Consultations.Add(consultation);
        if (fee > 0)
            outbox.Add(new PaymentRequestedIntegrationEvent(OrderKinds.Consultation, consultation.Id, account, request.PatientId, fee,
                $"{(kind == ConsultationKinds.Text ? "图文咨询" : "互联网复诊")} {doctor.Name}", consultation.PayBy));
        else
            Open(consultation, now);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(consultation, Senders.Patient, ct);
    }

    /// <summary>The fee arrived: the consultation goes to the doctor's queue. Money for one already cancelled goes back.</summary>
    public async Task PaidAsync(Guid consultationId, DateTimeOffset paidAt, CancellationToken ct)
    {
        var consultation = await db.Consultations.SingleOrDefaultAsync(c => c.Id == consultationId, ct);
        if (consultation is null) return;
        if (consultation.Status == ConsultationStatus.Cancelled)
        {
            outbox.Add(new RefundRequestedIntegrationEvent(OrderKinds.Consultation, consultation.Id, null, "咨询已取消，费用原路退回"));
            return;
        }
        if (consultation.Status != ConsultationStatus.AwaitingPayment) return;
        consultation.PaidAt = paidAt;
        Open(consultation, clock.GetUtcNow());
    }

    private void Open(OnlineConsultation consultation, DateTimeOffset now)
    {
        consultation.Status = ConsultationStatus.Waiting;
        consultation.EndsBy = now + options.Value.TimeLimit;
        AddMessage(consultation, Senders.System, "咨询已提交，请等待医生接诊。医生回复后会第一时间通知您。", null, null, now);
        outbox.Add(new ConsultationPaidIntegrationEvent(consultation.Id, consultation.PatientId, consultation.PractitionerHisId,
            consultation.DoctorName, consultation.Kind, consultation.DepartmentName, consultation.EndsBy));
        Changed(consultation, "status");
    }

    public async Task<ConsultationDto> CancelAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var (consultation, side) = await participants.RequireAsync(user, id, ct, tracked: true);
        if (side != Senders.Patient) throw ProblemException.NotFound("咨询");
        if (consultation.Status != ConsultationStatus.AwaitingPayment)
            throw ProblemException.Conflict("not_cancellable", "已支付的咨询不能自行取消，如需退款请联系医生结束咨询");
        Cancel(consultation, "patient", "已取消");
        await db.SaveChangesAsync(ct);
        return await ViewAsync(consultation, side, ct);
    }

    public void Cancel(OnlineConsultation consultation, string by, string reason)
    {
        consultation.Status = ConsultationStatus.Cancelled;
        consultation.EndedAt = clock.GetUtcNow();
        consultation.EndedBy = by;
        outbox.Add(new PaymentWithdrawnIntegrationEvent(OrderKinds.Consultation, consultation.Id, reason));
        Changed(consultation, "status");
    }

    public async Task<ConsultationDto> GetAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var (consultation, side) = await participants.RequireAsync(user, id, ct);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(consultation, side, ct);
    }

    public async Task<IReadOnlyList<ConsultationDto>> OfPatientAsync(ClaimsPrincipal user, Guid patientId, CancellationToken ct)
    {
        await participants.RequirePatientAsync(user, patientId, ct);
        var list = await db.Consultations.AsNoTracking().Where(c => c.PatientId == patientId)
            .OrderByDescending(c => c.CreatedAt).Take(100).ToListAsync(ct);
        return list.Select(c => ConsultationViews.ToDto(c, Senders.Patient, [])).ToList();
    }

    /// <summary>The doctor's queue: open consultations first (waiting longest first), then the recently ended.</summary>
    public async Task<IReadOnlyList<ConsultationDto>> QueueAsync(ClaimsPrincipal user, bool ended, CancellationToken ct)
    {
        var practitioner = Participants.RequirePractitioner(user);
        var mine = db.Consultations.AsNoTracking().Where(c => c.PractitionerHisId == practitioner);
        var list = ended
            ? await mine.Where(c => c.Status == ConsultationStatus.Ended).OrderByDescending(c => c.EndedAt).Take(50).ToListAsync(ct)
            : await mine.Where(c => c.Status == ConsultationStatus.Waiting || c.Status == ConsultationStatus.InProgress)
                .OrderBy(c => c.PaidAt ?? c.CreatedAt).ToListAsync(ct);
        return list.Select(c => ConsultationViews.ToDto(c, Senders.Doctor, [])).ToList();
    }

    public async Task<ConsultationDto> EndAsync(ClaimsPrincipal user, Guid id, EndRequest request, CancellationToken ct)
    {
        var (consultation, side) = await participants.RequireAsync(user, id, ct, tracked: true);
        if (side != Senders.Doctor) throw new ProblemException(403, "doctor_only", "只有接诊医生可以结束咨询");
        var summary = request.Summary?.Trim() ?? "";
        if (summary.Length is < 2 or > 2000)
            throw ProblemException.Invalid(new Dictionary<string, string[]> { ["summary"] = ["请填写咨询小结（2～2000字）"] });
        if (!ConsultationStatus.IsOpen(consultation.Status))
            throw ProblemException.Conflict("not_open", $"咨询当前状态为“{ConsultationStatus.TextOf(consultation.Status)}”，不能结束");
        End(consultation, Senders.Doctor, summary);
        await SaveOrConflictAsync(ct);
        return await ViewAsync(consultation, side, ct);
    }

    public void End(OnlineConsultation consultation, string by, string summary)
    {
        var now = clock.GetUtcNow();
        consultation.Status = ConsultationStatus.Ended;
        consultation.EndedAt = now;
        consultation.EndedBy = by;
        consultation.Summary = summary;
        AddMessage(consultation, Senders.System, by == Senders.Doctor ? "医生已结束本次咨询，请查看咨询小结。" : "咨询时间已到，本次咨询已自动结束。",
            null, null, now);
        outbox.Add(new ConsultationEndedIntegrationEvent(consultation.Id, consultation.PatientId, consultation.PractitionerHisId,
            consultation.DoctorName, by, now));
        // Only a consultation the doctor took is a visit the hospital records; an unanswered one is refunded instead.
        if (consultation.AcceptedAt is { } accepted)
            outbox.Add(new ConsultationNoteForHisIntegrationEvent(consultation.Id, consultation.PatientId, consultation.PractitionerHisId,
                consultation.DoctorName, consultation.DepartmentCode, consultation.DepartmentName, consultation.Kind, consultation.Complaint,
                summary, by, accepted, now));
        Changed(consultation, "status");
    }

    /// <summary>The doctor never answered: the patient paid for nothing, so the fee goes back.</summary>
    public void RefundUnanswered(OnlineConsultation consultation) =>
        outbox.Add(new RefundRequestedIntegrationEvent(OrderKinds.Consultation, consultation.Id, null, "医生未接诊，咨询费原路退回"));

    public ConsultationMessage AddMessage(OnlineConsultation consultation, string sender, string? text, Guid? mediaId, string? card,
        DateTimeOffset at)
    {
        var message = new ConsultationMessage
        {
            ConsultationId = consultation.Id, Seq = ++consultation.MessageCount, Sender = sender, Text = text, MediaId = mediaId,
            Card = card, SentAt = at,
        };
        // One's own message is read by oneself.
        if (sender == Senders.Patient) consultation.PatientReadSeq = message.Seq;
        if (sender == Senders.Doctor) consultation.DoctorReadSeq = message.Seq;
        db.Messages.Add(message);
        return message;
    }

    public void Changed(OnlineConsultation c, string change) =>
        outbox.Add(new ConsultationChangedIntegrationEvent(c.Id, c.PatientId, c.PractitionerHisId, change, c.Status, c.MessageCount));

    /// <summary>A message landed while the doctor was ending: their view was stale, so they look again.</summary>
    private async Task SaveOrConflictAsync(CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            throw ProblemException.Conflict("consultation_changed", "咨询刚有新消息，请查看后再试");
        }
    }

    public async Task<ConsultationDto> ViewAsync(OnlineConsultation c, string side, CancellationToken ct)
    {
        var images = c.AttachmentIds.Count == 0 ? [] : await db.Media.AsNoTracking().Where(m => c.AttachmentIds.Contains(m.Id))
            .Select(m => new { m.Id, m.Width, m.Height }).ToListAsync(ct);
        return ConsultationViews.ToDto(c, side, images.Select(m => new ImageDto(m.Id, urls.For(m.Id), m.Width, m.Height)).ToList());
    }
}
