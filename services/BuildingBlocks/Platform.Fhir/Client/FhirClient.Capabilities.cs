namespace Platform.Fhir.Client;

public sealed partial class FhirClient
{
    public Task<CapabilityStatement> GetCapabilitiesAsync(CancellationToken cancellationToken = default) =>
        GetResourceAsync<CapabilityStatement>("metadata", cancellationToken);

    /// <summary>
    /// Reads /metadata and checks it is a FHIR 4.0.x server speaking JSON that offers every interaction in
    /// <see cref="FhirClientOptions.RequiredInteractions"/>; throws <see cref="FhirCapabilityException"/> otherwise.
    /// </summary>
    public async Task<CapabilityStatement> VerifyCapabilitiesAsync(CancellationToken cancellationToken = default)
    {
        var capabilities = await GetCapabilitiesAsync(cancellationToken);
        var problems = FindCapabilityProblems(capabilities, options);
        return problems.Count == 0 ? capabilities : throw new FhirCapabilityException(problems);
    }

    public static IReadOnlyList<string> FindCapabilityProblems(CapabilityStatement capabilities, FhirClientOptions options)
    {
        var problems = new List<string>();
        if (capabilities.FhirVersion is not { } version || !version.StartsWith("4.0.", StringComparison.Ordinal))
            problems.Add($"fhirVersion is '{capabilities.FhirVersion}', expected 4.0.x (R4)");

        if (capabilities.Format.Count > 0 && !capabilities.Format.Any(f => f is "json" or FhirJson.MediaType))
            problems.Add($"formats [{string.Join(", ", capabilities.Format)}] do not include JSON");

        var server = capabilities.Rest.FirstOrDefault(r => r.Mode == "server");
        if (server is null)
        {
            problems.Add("no rest entry with mode 'server'");
            return problems;
        }

        foreach (var interaction in options.RequiredSystemInteractions)
        {
            if (server.Interaction.All(i => i.Code != interaction))
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
            foreach (var interaction in interactions.Where(code => resource.Interaction.All(i => i.Code != code)))
                problems.Add($"{resourceType} does not support '{interaction}'");
        }
        return problems;
    }
}
