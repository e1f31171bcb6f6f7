using HisAdapter.API.Domain;
using HisAdapter.API.Infrastructure;
using Platform.Fhir.Client;
using Platform.Fhir.Search;

namespace HisAdapter.API.Application.Commands;

/// <summary>Finds or creates the HIS Patient for a platform patient by conditional create on the ID document, so a
/// repeated event, a retried request or a patient the hospital already knows never yields a second record.</summary>
public sealed class RegisterPatientHandler(FhirClient his, HisAdapterDbContext db, TimeProvider clock)
{
    public async Task<CommandOutcome> HandleAsync(RegisterPatientCommand command, CancellationToken ct)
    {
        var system = IdentifierSystem(command.IdType);
        var result = await his.CreateIfNoneExistAsync(ToFhir(command, system),
            new SearchParameters().Identifier(system, command.IdNumber), ct);
        var hisPatientId = result.Resource.Id ?? throw new InvalidOperationException("The HIS returned a Patient without an id");

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
                Use = "official",
                Type = new CodeableConcept
                {
                    Coding = [Coding.Of("http://terminology.hl7.org/CodeSystem/v2-0203", command.IdType == "passport" ? "PPN" : "NI")],
                    Text = command.IdType == "resident_id" ? "居民身份证" : "身份证件",
                },
                System = system,
                Value = command.IdNumber,
            },
        ],
        Active = true,
        Name = [new HumanName { Use = "official", Text = command.Name }],
        Telecom = string.IsNullOrEmpty(command.Phone) ? [] : [new ContactPoint { System = "phone", Value = command.Phone, Use = "mobile" }],
        Gender = command.Gender is "male" or "female" or "other" ? command.Gender : "unknown",
        BirthDate = command.BirthDate is { } birth ? FhirDateTime.FromDate(birth) : null,
    };
}
