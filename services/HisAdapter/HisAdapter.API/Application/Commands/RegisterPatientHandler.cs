using HisAdapter.API.Domain;
using HisAdapter.API.Infrastructure;
using HisAdapter.API.Application.Sync;
using System.Globalization;
using System.Net;
using Hl7.Fhir.Rest;
using Platform.Fhir.Search;
using Platform.ServiceDefaults.Http;
using Platform.ServiceDefaults.Patients;

namespace HisAdapter.API.Application.Commands;

/// <summary>Finds or creates the HIS Patient for a platform patient by conditional create on the ID document, so a
/// repeated event, a retried request or a patient the hospital already knows never yields a second record; a Patient
/// the HIS already had gets the current mobile number. The identifiers are read from Identity when the command runs
/// and are never stored here. With the link, the patient's open exam orders are published.</summary>
public sealed class RegisterPatientHandler(
    FhirClient his, PatientDirectory patients, HisAdapterDbContext db, ExamOrderSync examOrders, MedicationSync medications, TimeProvider clock)
{
    public async Task<CommandOutcome> HandleAsync(RegisterPatientCommand command, CancellationToken ct)
    {
        PatientDetails? details;
        try
        {
            details = await patients.FindAsync(command.PatientId, ct);
        }
        catch (Exception e) when (HttpFailures.IsTransient(e))
        {
            // Identity, not the HIS, is unavailable: postpone without marking the HIS unreachable.
            return CommandOutcome.RetryLater("identity unavailable: " + e.Message);
        }
        if (details is null) return CommandOutcome.Refused("the patient is no longer known to Identity");

        var system = IdentifierSystem(details.IdType);
        var result = await his.ConditionalCreateAsync(ToFhir(details, system), new SearchParams().AddIdentifier(system, details.IdNumber), ct);
        var hisPatientId = result?.Id ?? throw new InvalidOperationException("The HIS returned a Patient without an id");
        if (result is Patient existing && !string.IsNullOrEmpty(details.Phone) && MobileOf(existing) != details.Phone)
        {
            // Only the mobile number is ours to change; the HIS keeps everything else it knows of the person.
            existing.Telecom.RemoveAll(t => t.System == ContactPoint.ContactPointSystem.Phone && t.Use == ContactPoint.ContactPointUse.Mobile);
            existing.Telecom.Add(new ContactPoint(ContactPoint.ContactPointSystem.Phone, ContactPoint.ContactPointUse.Mobile, details.Phone));
            try
            {
                await his.UpdateAsync(existing, versionAware: true, ct);
            }
            catch (FhirOperationException e) when (e.Status is HttpStatusCode.PreconditionFailed or HttpStatusCode.Conflict)
            {
                // The record changed since we read it (the same person registered from another account at the same
                // time): read it again next round rather than refuse the registration for good.
                return CommandOutcome.RetryLater("the HIS Patient changed while its mobile number was updated");
            }
        }

        var link = await db.PatientLinks.FindAsync([command.PatientId], ct);
        if (link is null)
            db.PatientLinks.Add(new PatientLink { PatientId = command.PatientId, HisPatientId = hisPatientId, LinkedAt = clock.GetUtcNow() });
        else
            link.HisPatientId = hisPatientId;
        // The orders the hospital already has for this person (检查检验集中预约) reach the platform with the link.
        await examOrders.ForPatientAsync(command.PatientId, hisPatientId, ct);
        // And their prescriptions with what the medication-safety check needs (R31, R34).
        await medications.ForPatientAsync(command.PatientId, hisPatientId, ct);
        return CommandOutcome.Done;
    }

    private static string? MobileOf(Patient patient) => patient.Telecom
        .FirstOrDefault(t => t.System == ContactPoint.ContactPointSystem.Phone && t.Use == ContactPoint.ContactPointUse.Mobile)?.Value;

    public static string IdentifierSystem(string idType) => idType switch
    {
        "resident_id" => HisSystems.ResidentId,
        "passport" => HisSystems.Passport,
        _ => $"{HisSystems.OtherIdDocument}/{idType}",
    };

    public static Patient ToFhir(PatientDetails command, string system) => new()
    {
        Identifier =
        [
            new Identifier
            {
                Use = Identifier.IdentifierUse.Official,
                Type = new CodeableConcept
                {
                    Coding = [new Coding("http://terminology.hl7.org/CodeSystem/v2-0203", command.IdType == "passport" ? "PPN" : "NI")],
                    Text = command.IdType == "resident_id" ? "居民身份证" : "身份证件",
                },
                System = system,
                Value = command.IdNumber,
            },
        ],
        Active = true,
        Name = [new HumanName { Use = HumanName.NameUse.Official, Text = command.Name }],
        Telecom = string.IsNullOrEmpty(command.Phone)
            ? []
            : [new ContactPoint(ContactPoint.ContactPointSystem.Phone, ContactPoint.ContactPointUse.Mobile, command.Phone)],
        Gender = command.Gender switch
        {
            "male" => AdministrativeGender.Male,
            "female" => AdministrativeGender.Female,
            "other" => AdministrativeGender.Other,
            _ => AdministrativeGender.Unknown,
        },
        BirthDate = command.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };
}
