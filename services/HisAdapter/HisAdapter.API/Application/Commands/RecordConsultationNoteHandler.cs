using System.Text;
using HisAdapter.API.Extensions;
using HisAdapter.API.Infrastructure;
using Hl7.Fhir.Rest;
using Microsoft.Extensions.Options;
using Platform.Fhir.Validation;

namespace HisAdapter.API.Application.Commands;

/// <summary>Writes an ended online consultation to the HIS (the doctor's note, issue 18): one transaction of a finished
/// virtual Encounter (class VR) and a DocumentReference holding the summary, both created only if none carries the
/// consultation's id yet, so a retry after a lost answer, or a second delivery, records nothing twice. A patient whose HIS
/// record is not linked yet is waited for like a booking's; a note the HIS refuses outright stays refused (logged for
/// the medical records office), retrying cannot change the HIS's mind.</summary>
public sealed class RecordConsultationNoteHandler(
    FhirClient his, HisAdapterDbContext db, IOptions<HisOptions> options, ILogger<RecordConsultationNoteHandler> logger)
{
    public async Task<CommandOutcome> HandleAsync(RecordConsultationNoteCommand command, int attempt, CancellationToken ct)
    {
        var link = await db.PatientLinks.FindAsync([command.PatientId], ct);
        if (link is null)
        {
            return attempt >= options.Value.MaxAttemptsWaitingForPatient
                ? Refused(command, "就诊人尚未在医院建档，咨询记录未能写入医院系统")
                : CommandOutcome.RetryLater("waiting for the patient's HIS record");
        }
        try
        {
            await his.TransactionAsync(ConsultationNoteBundle.For(command, link.HisPatientId, options.Value.HospitalOrganizationId), ct: ct);
            return CommandOutcome.Done;
        }
        catch (FhirOperationException ex) when (!HisFailure.IsTransient(ex))
        {
            var reason = ex.Outcome?.Issue.Select(i => i.Details?.Text ?? i.Diagnostics).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t));
            return Refused(command, $"医院系统拒绝了咨询记录（{(int)ex.Status}）：{reason ?? ex.Message}");
        }
        catch (FhirResourceInvalidException ex)
        {
            return Refused(command, "咨询记录未通过 FHIR 校验，未发送至医院：" + ex.Message);
        }
    }

    private CommandOutcome Refused(RecordConsultationNoteCommand command, string reason)
    {
        logger.LogError("Consultation {ConsultationId} note could not be recorded at the HIS: {Reason}", command.ConsultationId, reason);
        return CommandOutcome.Refused(reason);
    }
}

/// <summary>The transaction that records one consultation at the HIS; the document points at the encounter by its
/// urn:uuid until the HIS assigns it an id (or finds the one an earlier attempt created).</summary>
public static class ConsultationNoteBundle
{
    private const string ActCode = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    private const string ParticipationType = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
    private const string Loinc = "http://loinc.org";

    public static Bundle For(RecordConsultationNoteCommand command, string hisPatientId, string hospitalOrganizationId)
    {
        var consultationId = command.ConsultationId.ToString();
        var encounterUrn = $"urn:uuid:{Guid.NewGuid()}";
        var kindText = command.Kind == "followup" ? "互联网复诊" : "在线咨询";
        var patient = FhirHelpers.Ref("Patient", hisPatientId);
        var doctor = FhirHelpers.Ref("Practitioner", command.PractitionerHisId, command.DoctorName);
        var encounter = new Encounter
        {
            Identifier = [Identifier(consultationId)],
            Status = Encounter.EncounterStatus.Finished,
            Class = new Coding(ActCode, "VR", "virtual"),
            Type = [new CodeableConcept { Text = kindText }],
            ServiceType = new CodeableConcept(HisSystems.Department, command.DepartmentCode, command.DepartmentName, command.DepartmentName),
            Subject = patient,
            Participant =
            [
                new Encounter.ParticipantComponent
                {
                    Type = [new CodeableConcept(ParticipationType, "ATND", "attender", null)],
                    Individual = doctor,
                },
            ],
            Period = new Period(new FhirDateTime(command.StartedAt.ToOffset(HisSystems.Shanghai)), new FhirDateTime(command.EndedAt.ToOffset(HisSystems.Shanghai))),
            ReasonCode = [new CodeableConcept { Text = command.Complaint }],
            ServiceProvider = FhirHelpers.Ref("Organization", hospitalOrganizationId),
        };
        var note = new DocumentReference
        {
            Identifier = [Identifier(consultationId)],
            Status = DocumentReferenceStatus.Current,
            DocStatus = CompositionStatus.Final,
            Type = new CodeableConcept(Loinc, "11488-4", "Consult note", "咨询小结"),
            Subject = (ResourceReference)patient.DeepCopy(),
            Date = command.EndedAt.ToOffset(HisSystems.Shanghai),
            Author = [(ResourceReference)doctor.DeepCopy()],
            Custodian = FhirHelpers.Ref("Organization", hospitalOrganizationId),
            Description = command.EndedBy == "timeout" ? $"{kindText}小结（到时自动结束）" : $"{kindText}小结",
            Content =
            [
                new DocumentReference.ContentComponent
                {
                    Attachment = new Attachment
                    {
                        ContentType = "text/plain; charset=utf-8",
                        Language = "zh-CN",
                        Data = Encoding.UTF8.GetBytes(command.Summary),
                        Title = $"{kindText}小结",
                        Creation = new FhirDateTime(command.EndedAt.ToOffset(HisSystems.Shanghai)).Value,
                    },
                },
            ],
            Context = new DocumentReference.ContextComponent
            {
                Encounter = [new ResourceReference(encounterUrn)],
                Period = (Period)encounter.Period.DeepCopy(),
            },
        };
        var condition = $"identifier={HisSystems.PlatformConsultation}|{consultationId}";
        return new Bundle
        {
            Type = Bundle.BundleType.Transaction,
            Entry = [Post(encounterUrn, encounter, condition), Post($"urn:uuid:{Guid.NewGuid()}", note, condition)],
        };
    }

    private static Identifier Identifier(string consultationId) => new(HisSystems.PlatformConsultation, consultationId);

    private static Bundle.EntryComponent Post(string fullUrl, Resource resource, string ifNoneExist) => new()
    {
        FullUrl = fullUrl,
        Resource = resource,
        Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.POST, Url = resource.TypeName, IfNoneExist = ifNoneExist },
    };
}
