namespace Platform.Fhir.Resources;

public class OperationOutcome : DomainResource
{
    protected override string TypeName => "OperationOutcome";

    public List<IssueComponent> Issue { get; set; } = [];

    public bool HasErrors => Issue.Any(i => i.Severity is "error" or "fatal");

    public static OperationOutcome ForError(string code, string diagnostics) => new()
    {
        Issue = [new IssueComponent { Severity = "error", Code = code, Diagnostics = diagnostics }],
    };

    public class IssueComponent : BackboneElement
    {
        /// <summary>fatal | error | warning | information</summary>
        public string? Severity { get; set; }
        /// <summary>invalid | structure | required | value | ... | not-found | conflict | ... (IssueType)</summary>
        public string? Code { get; set; }
        public CodeableConcept? Details { get; set; }
        public string? Diagnostics { get; set; }
        public List<string> Location { get; set; } = [];
        public List<string> Expression { get; set; } = [];

        public override string ToString() =>
            $"{Severity}/{Code}: {Diagnostics ?? Details?.Text ?? Details?.Coding.FirstOrDefault()?.Display}";
    }
}
