namespace Triage.API.Application;

/// <summary>Section <c>Triage</c>.</summary>
public sealed class TriageOptions
{
    public const string Section = "Triage";

    /// <summary>How long a replica may answer from a knowledge base another replica's staff edit has changed.</summary>
    public TimeSpan KnowledgeRefresh { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the department list is read again from the Hospital service (events keep it current between).</summary>
    public TimeSpan DepartmentRefresh { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The Hospital service's base address; defaults to <c>Endpoints:hospital</c>.</summary>
    public string? HospitalBaseUrl { get; set; }
}
