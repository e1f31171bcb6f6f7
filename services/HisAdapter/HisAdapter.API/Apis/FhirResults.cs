using Platform.Fhir;

namespace HisAdapter.API.Apis;

/// <summary>Answers to the HIS are FHIR: refusals are OperationOutcomes.</summary>
internal static class FhirResults
{
    public static IResult Outcome(int status, string code, string diagnostics) =>
        Results.Content(FhirJson.Serialize(OperationOutcome.ForError(code, diagnostics)), FhirJson.MediaType, statusCode: status);
}
