using System.Text.Json;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Utility;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HisAdapter.API.Apis;

/// <summary>Answers to the HIS are FHIR: refusals are OperationOutcomes.</summary>
internal static class FhirResults
{
    private static readonly JsonSerializerOptions Json = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    public static ContentHttpResult Outcome(int status, string code, string diagnostics) =>
        TypedResults.Content(JsonSerializer.Serialize(new OperationOutcome
        {
            Issue =
            [
                new OperationOutcome.IssueComponent
                {
                    Severity = OperationOutcome.IssueSeverity.Error,
                    Code = EnumUtility.ParseLiteral<OperationOutcome.IssueType>(code) ?? OperationOutcome.IssueType.Processing,
                    Diagnostics = diagnostics,
                },
            ],
        }, Json), "application/fhir+json", statusCode: status);
}
