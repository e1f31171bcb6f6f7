using System.Globalization;
using HisAdapter.API.Application.Sync;
using HisAdapter.API.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Contracts.His;
using Platform.Contracts.Inpatient;
using Platform.Contracts.Reports;
using Hl7.Fhir.Rest;
using Platform.Fhir.Client;
using Platform.Fhir.Search;

namespace HisAdapter.API.Application.Pushes;

/// <summary>Turns a verified HIS push into platform events. The push names resources; their content and owner are
/// read back from the HIS itself, and a push whose patient is not the owner of what it names is refused.</summary>
public sealed partial class PushEventMapper(FhirClient his, HisAdapterDbContext db, SyncTrigger syncTrigger)
{
    public async Task<IReadOnlyList<IntegrationEvent>> MapAsync(PushEnvelope push, CancellationToken ct) => push.Type switch
    {
        "report-ready" => await ReportReadyAsync(push, ct),
        "critical-value" => await CriticalValueAsync(push, ct),
        "admission" => await AdmissionAsync(push, ct),
        "bed-changed" => await BedChangedAsync(push, ct),
        "discharge" => await DischargeAsync(push, ct),
        "stop-clinic" => await ClinicStoppedAsync(push, ct),
        "slot-changed" => await SlotChangedAsync(push, ct),
        _ => throw PushRejectedException.Invalid($"不支持的事件类型 {push.Type}"),
    };

    private async Task<IReadOnlyList<IntegrationEvent>> ReportReadyAsync(PushEnvelope push, CancellationToken ct)
    {
        var report = await ReadAsync<DiagnosticReport>(push.RequiredReference("report", "DiagnosticReport"), ct);
        var patients = await OwnersAsync(push, report.Subject, ct);
        if (report.Status is not (DiagnosticReport.DiagnosticReportStatus.Final or DiagnosticReport.DiagnosticReportStatus.Amended
            or DiagnosticReport.DiagnosticReportStatus.Corrected))
            throw PushRejectedException.Invalid($"报告 {report.Id} 尚未发布（{report.Status.Literal()}）");
        var issued = report.Issued ?? push.OccurredAt;
        var category = report.Category.SelectMany(c => c.Coding).FirstOrDefault()?.Code ?? "";
        return patients.Select(p => (IntegrationEvent)new ReportReadyIntegrationEvent(
            HisIds.Stable(p, "DiagnosticReport/" + report.Id), p, report.Id!, category, report.Code?.Text ?? "检查检验报告", issued)).ToList();
    }

    private async Task<IReadOnlyList<IntegrationEvent>> CriticalValueAsync(PushEnvelope push, CancellationToken ct)
    {
        var observation = await ReadAsync<Observation>(push.RequiredReference("observation", "Observation"), ct);
        var patients = await OwnersAsync(push, observation.Subject, ct);
        var flag = observation.Interpretation.SelectMany(i => i.Coding).FirstOrDefault()?.Code;
        if (flag is not ("HH" or "LL" or "AA"))
            throw PushRejectedException.Invalid($"检验结果 {observation.Id} 不是危急值（{flag}）");
        var reportId = push.OptionalReference("report", "DiagnosticReport") ?? "";
        var quantity = observation.Value as Quantity;
        var value = quantity?.Value?.ToString(CultureInfo.InvariantCulture) ?? (observation.Value as FhirString)?.Value ?? "";
        var detectedAt = observation.Issued ?? push.OccurredAt;
        return patients.Select(p => (IntegrationEvent)new CriticalValueDetectedIntegrationEvent(p, reportId,
            observation.Code?.Text ?? "", value, quantity?.Unit ?? "",
            observation.ReferenceRange.FirstOrDefault()?.Text ?? "", detectedAt)).ToList();
    }

    private async Task<IReadOnlyList<IntegrationEvent>> AdmissionAsync(PushEnvelope push, CancellationToken ct)
    {
        var encounter = await InpatientEncounterAsync(push, Encounter.EncounterStatus.InProgress, ct);
        var patients = await OwnersAsync(push, encounter.Subject, ct);
        var admittedAt = encounter.Period?.StartElement.At() ?? push.OccurredAt;
        return patients.Select(p => (IntegrationEvent)new PatientAdmittedIntegrationEvent(p, encounter.Id!,
            push.OptionalString("department") ?? encounter.ServiceType?.Text ?? "", Bed(encounter, push), admittedAt)).ToList();
    }

    private async Task<IReadOnlyList<IntegrationEvent>> BedChangedAsync(PushEnvelope push, CancellationToken ct)
    {
        var encounter = await InpatientEncounterAsync(push, Encounter.EncounterStatus.InProgress, ct);
        var patients = await OwnersAsync(push, encounter.Subject, ct);
        return patients.Select(p => (IntegrationEvent)new BedChangedIntegrationEvent(p, encounter.Id!,
            push.OptionalString("ward") ?? push.OptionalString("department") ?? "", Bed(encounter, push), push.OccurredAt)).ToList();
    }

    private async Task<IReadOnlyList<IntegrationEvent>> DischargeAsync(PushEnvelope push, CancellationToken ct)
    {
        var encounter = await InpatientEncounterAsync(push, Encounter.EncounterStatus.Finished, ct);
        var patients = await OwnersAsync(push, encounter.Subject, ct);
        var medication = await his.SearchAsync<MedicationRequest>(
            new SearchParams().AddReference("encounter", "Encounter", encounter.Id!).Add("_count", "1"), ct);
        var dischargedAt = encounter.Period?.EndElement.At() ?? push.OccurredAt;
        return patients.Select(p => (IntegrationEvent)new PatientDischargedIntegrationEvent(p, encounter.Id!, dischargedAt,
            medication.Matches<MedicationRequest>().Any())).ToList();
    }

    private async Task<Encounter> InpatientEncounterAsync(PushEnvelope push, Encounter.EncounterStatus expectedStatus, CancellationToken ct)
    {
        var encounter = await ReadAsync<Encounter>(push.RequiredReference("encounter", "Encounter"), ct);
        if (encounter.Class?.Code != "IMP" || encounter.Status != expectedStatus)
            throw PushRejectedException.Invalid($"住院记录 {encounter.Id} 的状态（{encounter.Status.Literal()}）与事件 {push.Type} 不符");
        return encounter;
    }

    private static string Bed(Encounter encounter, PushEnvelope push) =>
        push.OptionalString("bed") ?? encounter.Location.LastOrDefault()?.Location?.Display ?? "";

    /// <summary>The platform patients of the HIS patient who owns the resource. A push claiming another patient is
    /// refused; a patient no one on the platform has bound yields no events.</summary>
    private async Task<List<Guid>> OwnersAsync(PushEnvelope push, ResourceReference? subject, CancellationToken ct)
    {
        var owner = subject?.IdFor("Patient") ?? throw PushRejectedException.Invalid("所指资源没有关联患者");
        var claimed = push.OptionalReference("patient", "Patient");
        if (claimed is not null && claimed != owner)
            throw PushRejectedException.Invalid($"data.patient 与 {push.Type} 所指资源的患者不一致");
        return await db.PatientLinks.Where(l => l.HisPatientId == owner).Select(l => l.PatientId).ToListAsync(ct);
    }

    private async Task<TResource> ReadAsync<TResource>(string id, CancellationToken ct) where TResource : Resource, new()
    {
        try
        {
            return await his.ReadByIdAsync<TResource>(id, ct);
        }
        catch (FhirOperationException ex) when (ex.IsNotFound())
        {
            throw PushRejectedException.Invalid($"{typeof(TResource).Name}/{id} 在医院系统中不存在");
        }
    }
}
