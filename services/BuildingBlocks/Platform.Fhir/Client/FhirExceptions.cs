using System.Net;

namespace Platform.Fhir.Client;

/// <summary>A FHIR interaction the server refused; carries the HTTP status and the OperationOutcome issues.</summary>
public class FhirOperationException : Exception
{
    public FhirOperationException(HttpStatusCode status, OperationOutcome? outcome, string message)
        : base(message)
    {
        Status = status;
        Outcome = outcome;
    }

    public HttpStatusCode Status { get; }

    public OperationOutcome? Outcome { get; }

    public IReadOnlyList<OperationOutcome.IssueComponent> Issues => Outcome?.Issue ?? [];

    internal static FhirOperationException For(HttpStatusCode status, OperationOutcome? outcome, string message) =>
        status switch
        {
            HttpStatusCode.NotFound => new FhirResourceNotFoundException(status, outcome, message),
            HttpStatusCode.Gone => new FhirResourceGoneException(outcome, message),
            HttpStatusCode.Conflict => new FhirConflictException(status, outcome, message),
            HttpStatusCode.PreconditionFailed => new FhirPreconditionFailedException(outcome, message),
            _ => new FhirOperationException(status, outcome, message),
        };
}

/// <summary>404: no such resource (or type).</summary>
public class FhirResourceNotFoundException(HttpStatusCode status, OperationOutcome? outcome, string message)
    : FhirOperationException(status, outcome, message);

/// <summary>410: the resource existed and was deleted.</summary>
public sealed class FhirResourceGoneException(OperationOutcome? outcome, string message)
    : FhirResourceNotFoundException(HttpStatusCode.Gone, outcome, message);

/// <summary>409: the change conflicts with the server's current state (e.g. a slot already taken).</summary>
public class FhirConflictException(HttpStatusCode status, OperationOutcome? outcome, string message)
    : FhirOperationException(status, outcome, message);

/// <summary>412: If-Match named a version that is no longer current, or a conditional request matched several.</summary>
public sealed class FhirPreconditionFailedException(OperationOutcome? outcome, string message)
    : FhirConflictException(HttpStatusCode.PreconditionFailed, outcome, message);

/// <summary>The server's CapabilityStatement does not offer what the platform needs.</summary>
public sealed class FhirCapabilityException(IReadOnlyList<string> problems)
    : Exception("The FHIR server lacks required capabilities: " + string.Join("; ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
