using System.Security.Claims;
using Consultation.API.Domain;
using Consultation.API.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Consultation;
using Platform.Messaging.Outbox;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;

namespace Consultation.API.Application;

public sealed record PrescriptionItemInput(string? DrugCode, decimal Dose, string? Unit, int TimesPerDay, int Days, string? Route);

public sealed record WritePrescriptionRequest(string? Diagnosis, IReadOnlyList<PrescriptionItemInput>? Items);

public sealed record ReviewRequest(string? Note);

public sealed record PrescriptionDto(
    Guid Id, Guid ConsultationId, Guid PatientId, string DoctorName, string Diagnosis, IReadOnlyList<EPrescriptionItem> Items,
    string Status, string StatusText, DateTimeOffset CreatedAt, string? ReviewedBy, DateTimeOffset? ReviewedAt, string? ReviewNote)
{
    public static PrescriptionDto From(EPrescription p) => new(p.Id, p.ConsultationId, p.PatientId, p.DoctorName, p.Diagnosis, p.Items,
        p.Status, PrescriptionStatus.TextOf(p.Status), p.CreatedAt, p.ReviewedBy, p.ReviewedAt, p.ReviewNote);
}

/// <summary>E-prescriptions of internet follow-up visits (X01): written only in an open follow-up, refused outright for
/// drugs that may never be prescribed online, held until a pharmacist approves, then released to Pharmacy.</summary>
public sealed class Prescriptions(
    ConsultationDbContext db, Participants participants, Consultations consultations, Formulary formulary, IIntegrationEventOutbox outbox,
    TimeProvider clock)
{
    public async Task<PrescriptionDto> WriteAsync(ClaimsPrincipal user, Guid consultationId, WritePrescriptionRequest request, CancellationToken ct)
    {
        var (consultation, side) = await participants.RequireAsync(user, consultationId, ct, tracked: true);
        if (side != Senders.Doctor) throw new ProblemException(403, "doctor_only", "只有接诊医生可以开具处方");
        if (consultation.Kind != ConsultationKinds.FollowUp)
            throw ProblemException.Conflict("followup_only", "电子处方仅可在互联网复诊中开具，图文咨询不能开具处方");
        if (!ConsultationStatus.IsOpen(consultation.Status)) throw ProblemException.Conflict("not_open", "咨询已结束，不能再开具处方");
        var diagnosis = request.Diagnosis?.Trim() ?? "";
        var inputs = request.Items ?? [];
        var errors = new Dictionary<string, string[]>();
        if (diagnosis.Length is < 2 or > 200) errors["diagnosis"] = ["请填写诊断"];
        if (inputs.Count is 0 or > 5) errors["items"] = ["请开具1～5种药品"];
        var items = new List<EPrescriptionItem>();
        var refusals = new Dictionary<string, string[]>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var drug = input.DrugCode is { } code ? formulary.Find(code) : null;
            if (drug is null) { errors[$"items[{i}].drugCode"] = ["本院药品目录中没有该药品"]; continue; }
            if (formulary.OnlineRefusal(drug) is { } refusal) { refusals[drug.Code] = [$"{drug.Name}：{refusal}"]; continue; }
            if (input.Dose <= 0 || input.TimesPerDay is < 1 or > 6 || input.Days is < 1 or > 30 || string.IsNullOrWhiteSpace(input.Unit))
            {
                errors[$"items[{i}]"] = [$"{drug.Name}：请填写正确的剂量、频次和天数（互联网处方最长30天）"];
                continue;
            }
            items.Add(new EPrescriptionItem
            {
                DrugCode = drug.Code, DrugName = drug.Name, Dose = input.Dose, Unit = input.Unit!.Trim(), TimesPerDay = input.TimesPerDay,
                Days = input.Days, Route = string.IsNullOrWhiteSpace(input.Route) ? "口服" : input.Route.Trim(),
            });
        }
        if (refusals.Count > 0)
            throw new ProblemException(422, "drug_not_allowed_online", string.Join("；", refusals.Values.SelectMany(v => v)), refusals);
        if (errors.Count > 0) throw ProblemException.Invalid(errors);

        var prescription = new EPrescription
        {
            ConsultationId = consultation.Id, PatientId = consultation.PatientId, PractitionerHisId = consultation.PractitionerHisId,
            DoctorName = consultation.DoctorName, Diagnosis = diagnosis, Items = items, CreatedAt = clock.GetUtcNow(),
        };
        db.Prescriptions.Add(prescription);
        consultations.AddMessage(consultation, Senders.System, "医生已开具电子处方，药师审核通过后即可缴费取药或选择配送。", null, null, prescription.CreatedAt);
        consultations.Changed(consultation, "prescription");
        await db.SaveChangesAsync(ct);
        return PrescriptionDto.From(prescription);
    }

    public async Task<IReadOnlyList<PrescriptionDto>> OfConsultationAsync(ClaimsPrincipal user, Guid consultationId, CancellationToken ct)
    {
        await participants.RequireAsync(user, consultationId, ct);
        await db.SaveChangesAsync(ct);
        var list = await db.Prescriptions.AsNoTracking().Where(p => p.ConsultationId == consultationId).OrderBy(p => p.CreatedAt).ToListAsync(ct);
        return list.Select(PrescriptionDto.From).ToList();
    }

    public async Task<IReadOnlyList<PrescriptionDto>> PendingAsync(CancellationToken ct)
    {
        var list = await db.Prescriptions.AsNoTracking().Where(p => p.Status == PrescriptionStatus.PendingReview)
            .OrderBy(p => p.CreatedAt).Take(100).ToListAsync(ct);
        return list.Select(PrescriptionDto.From).ToList();
    }

    public async Task<PrescriptionDto> ReviewAsync(ClaimsPrincipal pharmacist, Guid id, bool approve, string? note, CancellationToken ct)
    {
        var prescription = await db.Prescriptions.SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw ProblemException.NotFound("处方");
        if (prescription.Status != PrescriptionStatus.PendingReview)
            throw ProblemException.Conflict("already_reviewed", $"处方{PrescriptionStatus.TextOf(prescription.Status)}");
        note = note?.Trim();
        if (!approve && string.IsNullOrEmpty(note))
            throw ProblemException.Invalid(new Dictionary<string, string[]> { ["note"] = ["请填写不通过的原因"] });
        var name = pharmacist.FindFirst(PlatformClaims.Name)?.Value ?? "药师";
        var now = clock.GetUtcNow();
        prescription.Status = approve ? PrescriptionStatus.Approved : PrescriptionStatus.Rejected;
        prescription.ReviewedBy = name;
        prescription.ReviewedAt = now;
        prescription.ReviewNote = note;
        participants.Audit(pharmacist, prescription.PatientId, "eprescription:" + prescription.Id);
        var consultation = await db.Consultations.SingleAsync(c => c.Id == prescription.ConsultationId, ct);
        consultations.AddMessage(consultation, Senders.System, approve
            ? "药师已审核通过电子处方，处方已发送至药房，请在“我的处方”中缴费并选择取药或配送。"
            : $"药师审核未通过电子处方：{note}。医生会根据审核意见调整。", null, null, now);
        consultations.Changed(consultation, "prescription");
        if (approve)
            outbox.Add(new EPrescriptionReleasedIntegrationEvent(prescription.Id, prescription.ConsultationId, prescription.PatientId,
                prescription.PractitionerHisId, prescription.DoctorName, prescription.Diagnosis,
                prescription.Items.Select(i => new EPrescriptionLine(i.DrugCode, i.DrugName, i.Dose, i.Unit, i.TimesPerDay, i.Days, i.Route)).ToList(),
                name, now));
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw ProblemException.Conflict("consultation_changed", "处方刚有变化，请刷新后重试"); }
        return PrescriptionDto.From(prescription);
    }
}
