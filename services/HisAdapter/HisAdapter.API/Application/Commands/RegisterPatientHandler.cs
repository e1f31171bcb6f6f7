using HisAdapter.API.Domain;
using HisAdapter.API.Infrastructure;
using System.Globalization;
using Hl7.Fhir.Rest;
using Platform.Fhir.Search;

namespace HisAdapter.API.Application.Commands;

/// <summary>Finds or creates the HIS Patient for a platform patient by conditional create on the ID document, so a
/// repeated event, a retried request or a patient the hospital already knows never yields a second record.</summary>
public sealed class RegisterPatientHandler(FhirClient his, HisAdapterDbContext db, TimeProvider clock)
{
    public async Task<CommandOutcome> HandleAsync(RegisterPatientCommand command, CancellationToken ct)
    {
        var system = IdentifierSystem(command.IdType);
        var result = await his.ConditionalCreateAsync(ToFhir(command, system),
            new SearchParams().AddIdentifier(system, command.IdNumber), ct);
        var hisPatientId = result?.Id ?? throw new InvalidOperationException("The HIS returned a Patient without an id");

        var link = await db.PatientLinks.FindAsync([command.PatientId], ct);
        if (link is null)
            db.PatientLinks.Add(new PatientLink { PatientId = command.PatientId, HisPatientId = hisPatientId, LinkedAt = clock.GetUtcNow() });
        else
            link.HisPatientId = hisPatientId;
        return CommandOutcome.Done;
    }

    public static string IdentifierSystem(string idType) => idType switch
    {
        "resident_id" => HisSystems.ResidentId,
        "passport" => HisSystems.Passport,
        _ => $"{HisSystems.OtherIdDocument}/{idType}",
    };

    public static Patient ToFhir(RegisterPatientCommand command, string system) => new()
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
        BirthDate = command.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };
}
