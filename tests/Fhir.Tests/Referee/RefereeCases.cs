using System.Text.Json.Nodes;
using Fhir.Tests.Serialization;
using Platform.Fhir;

namespace Fhir.Tests.Referee;

/// <summary>Everything the referees judge, gathered so one node run (slow on a loaded machine) serves every test.</summary>
public static class RefereeCases
{
    public const string WrittenPrefix = "written/";
    public const string BrokenPrefix = "broken/";
    public const string SamplePrefix = "sample/";

    public static IEnumerable<(string Name, string Json)> All => Written.Concat(Broken).Concat(StrippedSamples);

    public static IEnumerable<(string Name, string Json)> Written =>
        WrittenResources.All.Select(pair => (WrittenPrefix + pair.Key, FhirJson.Serialize(pair.Value())));

    /// <summary>Resources each validator must refuse, so a referee that accepts anything cannot pass.</summary>
    public static IEnumerable<(string Name, string Json)> Broken
    {
        get
        {
            var patient = Parse(FhirJson.Serialize(WrittenResources.PatientWithIdCard()));
            patient["gender"] = "man";
            patient["birthDate"] = "1985-13-12";
            patient["idCardNumber"] = "110101198503120017";
            yield return (BrokenPrefix + "patient", patient.ToJsonString());

            var slot = Parse(FhirJson.Serialize(WrittenResources.SlotUpdate()));
            slot.Remove("schedule");
            slot.Remove("start");
            yield return (BrokenPrefix + "slot-without-schedule", slot.ToJsonString());

            var appointment = Parse(FhirJson.Serialize(WrittenResources.BookedAppointment()));
            appointment["participant"]![0]!["status"] = 1;
            yield return (BrokenPrefix + "appointment-with-numeric-status", appointment.ToJsonString());
        }
    }

    /// <summary>
    /// The samples carry deliberate unknown elements; stripped of them, what remains is exactly what the
    /// model read and writes, so wrong element names or types in the model show up as invalid FHIR.
    /// </summary>
    public static IEnumerable<(string Name, string Json)> StrippedSamples =>
        Samples.FileNames.Select(file =>
            (SamplePrefix + file, FhirJson.Serialize(KnownElementsStripper.Strip(FhirJson.Parse(Samples.Read(file))))));

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
