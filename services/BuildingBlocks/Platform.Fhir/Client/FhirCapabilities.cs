using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;
using Hl7.Fhir.Utility;

namespace Platform.Fhir.Client;

/// <summary>
/// Firely's FhirClient can check the server's FHIR version; the platform needs more: JSON, and every interaction it
/// will use, per resource type, so a HIS that cannot book or search fails at start-up rather than on a patient's request.
/// </summary>
public static class FhirCapabilities
{
    public static async Task<CapabilityStatement> VerifyCapabilitiesAsync(
        this BaseFhirClient client, FhirClientOptions options, CancellationToken cancellationToken = default)
    {
        var capabilities = await client.CapabilityStatementAsync(SummaryType.False, cancellationToken)
                           ?? throw new FhirCapabilityException(["/metadata answered without a CapabilityStatement"]);
        var problems = FindProblems(capabilities, options);
        return problems.Count == 0 ? capabilities : throw new FhirCapabilityException(problems);
    }

    public static IReadOnlyList<string> FindProblems(CapabilityStatement capabilities, FhirClientOptions options)
    {
        var problems = new List<string>();
        var version = capabilities.FhirVersionElement?.JsonValue as string ?? Literal(capabilities.FhirVersion);
        if (version is null || !version.StartsWith("4.0.", StringComparison.Ordinal))
            problems.Add($"fhirVersion is '{version}', expected 4.0.x (R4)");

        if (capabilities.Format.Any() && !capabilities.Format.Any(f => f is "json" or ContentType.JSON_CONTENT_HEADER))
            problems.Add($"formats [{string.Join(", ", capabilities.Format)}] do not include JSON");

        var server = capabilities.Rest.FirstOrDefault(r => r.Mode == CapabilityStatement.RestfulCapabilityMode.Server);
        if (server is null)
        {
            problems.Add("no rest entry with mode 'server'");
            return problems;
        }

        foreach (var interaction in options.RequiredSystemInteractions)
        {
            if (server.Interaction.All(i => Literal(i.Code) != interaction))
                problems.Add($"system interaction '{interaction}' is not supported");
        }

        foreach (var (resourceType, interactions) in options.RequiredInteractions)
        {
            var resource = server.Resource.FirstOrDefault(r => r.Type == resourceType);
            if (resource is null)
            {
                problems.Add($"{resourceType} is not supported");
                continue;
            }
            foreach (var interaction in interactions.Where(code => resource.Interaction.All(i => Literal(i.Code) != code)))
                problems.Add($"{resourceType} does not support '{interaction}'");
        }
        return problems;
    }

    private static string? Literal<TEnum>(TEnum? value) where TEnum : struct, Enum =>
        value is { } v ? v.GetLiteral() : null;
}

/// <summary>The server's CapabilityStatement does not offer what the platform needs.</summary>
public sealed class FhirCapabilityException(IReadOnlyList<string> problems)
    : Exception("The FHIR server lacks required capabilities: " + string.Join("; ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
