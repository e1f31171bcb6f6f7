namespace Reports.API.Domain;

/// <summary>A reviewed, plain-language entry about one lab item (keyed by LOINC): what it measures, what a high or low
/// value can mean, what to ask the doctor, when to seek care now. Education, never a diagnosis.</summary>
public sealed class KnowledgeItem
{
    public required string Loinc { get; init; }
    public required string Name { get; set; }
    public required string Measures { get; set; }
    public string? High { get; set; }
    public string? Low { get; set; }
    public required string AskDoctor { get; set; }
    public required string SeekCare { get; set; }
    public required string Source { get; set; }
    public required DateOnly ReviewedOn { get; set; }
    public required string Reviewer { get; set; }
}
