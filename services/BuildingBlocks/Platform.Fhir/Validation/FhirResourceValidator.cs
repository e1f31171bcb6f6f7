using System.Text.Json;
using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;
using Hl7.Fhir.Utility;
using Microsoft.Extensions.Options;

namespace Platform.Fhir.Validation;

/// <summary>
/// Firely's validator against the R4 core specification, offline (specification.zip from Hl7.Fhir.Specification.Data.R4).
/// One per process: the specification is unpacked and indexed once (seconds), after which a resource takes milliseconds.
/// The loaded specification and its compiled schemas hold about 100 MB of managed heap, so a validator unused for
/// <see cref="FhirValidationOptions.ReleaseAfterIdle"/> lets them go and the next write loads them again.
/// Issues carry where and what kind of problem, never the offending values, so they can be logged.
/// </summary>
public sealed class FhirResourceValidator : IDisposable
{
    private static readonly JsonSerializerOptions Json = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly TimeProvider clock;
    private readonly TimeSpan releaseAfterIdle;
    private readonly ITimer? idleCheck;
    private Validator? validator;
    private long lastUsed;

    public FhirResourceValidator(TimeProvider clock, IOptions<FhirValidationOptions> options)
    {
        this.clock = clock;
        releaseAfterIdle = options.Value.ReleaseAfterIdle;
        if (releaseAfterIdle > TimeSpan.Zero)
        {
            var period = releaseAfterIdle / 4;
            idleCheck = clock.CreateTimer(_ => ReleaseIfIdle(), null, period, period);
        }
    }

    public bool IsWarm => Volatile.Read(ref validator) is not null;

    /// <summary>Unpacks and indexes the specification by validating a trivial resource.</summary>
    public async Task WarmAsync(CancellationToken cancellationToken = default)
    {
        await ValidateAsync(new Patient { Active = true }, cancellationToken);
    }

    /// <summary>The errors (severity error or fatal) Firely finds in the resource; empty when it is valid.</summary>
    public async Task<IReadOnlyList<FhirValidationIssue>> ValidateAsync(Resource resource, CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var outcome = await Task.Run(() => (validator ??= Create()).Validate(resource), cancellationToken);
            lastUsed = clock.GetTimestamp();
            return outcome.Issue
                .Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
                .Select(i => new FhirValidationIssue(
                    i.Severity?.GetLiteral() ?? "error", i.Code?.GetLiteral() ?? "invalid", string.Join(",", i.Expression)))
                .ToList();
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Parses FHIR JSON and validates it; what does not even parse is reported as structure issues, by error code.</summary>
    public async Task<(string ResourceType, IReadOnlyList<FhirValidationIssue> Issues)> ValidateJsonAsync(
        string json, CancellationToken cancellationToken = default)
    {
        Resource? resource;
        try
        {
            resource = JsonSerializer.Deserialize<Resource>(json, Json);
        }
        catch (DeserializationFailedException ex)
        {
            return ((ex.PartialResult as Resource)?.TypeName ?? "unknown",
                ex.Exceptions.Select(e => new FhirValidationIssue("error", "structure", $"(parser {e.ErrorCode})")).ToList());
        }
        catch (JsonException)
        {
            return ("unknown", [new FhirValidationIssue("error", "structure", "(not JSON)")]);
        }
        if (resource is null) return ("unknown", [new FhirValidationIssue("error", "structure", "(empty)")]);
        return (resource.TypeName, await ValidateAsync(resource, cancellationToken));
    }

    public void Dispose()
    {
        idleCheck?.Dispose();
        gate.Dispose();
    }

    /// <summary>Drops the specification once no write has needed it for a while. Only a full, compacting collection
    /// gives its pages back to the system; it runs here, rarely, with the service idle by definition.</summary>
    private void ReleaseIfIdle()
    {
        if (validator is null || clock.GetElapsedTime(lastUsed) < releaseAfterIdle || !gate.Wait(0)) return;
        try
        {
            if (validator is null || clock.GetElapsedTime(lastUsed) < releaseAfterIdle) return;
            validator = null;
        }
        finally
        {
            gate.Release();
        }
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    private static Validator Create()
    {
        var resolver = new CachedResolver(ZipSource.CreateValidationSource());
        return new Validator(resolver, new LocalTerminologyService(resolver));
    }
}

/// <summary>One validation problem: severity, FHIR issue type and the element path (no values).</summary>
public sealed record FhirValidationIssue(string Severity, string Code, string Location)
{
    public override string ToString() => $"{Severity} {Code} at {Location}";
}

/// <summary>The platform refused to send a resource the validator found invalid; nothing reached the server.</summary>
public sealed class FhirResourceInvalidException(string resourceType, IReadOnlyList<FhirValidationIssue> issues)
    : Exception($"{resourceType} failed FHIR validation and was not sent: {string.Join("; ", issues)}")
{
    public string ResourceType { get; } = resourceType;
    public IReadOnlyList<FhirValidationIssue> Issues { get; } = issues;
}
