namespace Hospital.API.Domain.Education;

/// <summary>A published patient-education article as patients read it. Staff write it through the publishing workflow;
/// every publish counts as a review, and an article not reviewed for the configured period is flagged stale.</summary>
public sealed class EducationArticle
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Slug { get; init; }
    public required string Title { get; set; }
    public required string Specialty { get; set; }
    /// <summary>HIS department codes the article serves (recommendations match a patient's departments by them).</summary>
    public List<string> DepartmentCodes { get; set; } = [];
    public List<string> Diseases { get; set; } = [];
    public string Summary { get; set; } = "";
    /// <summary>Markdown, sanitised on save; rendered to sanitised HTML on read.</summary>
    public required string Body { get; set; }
    public required DateTimeOffset PublishedAt { get; set; }
    public required DateTimeOffset ReviewedAt { get; set; }
    public long ReadCount { get; set; }
    public bool IsActive { get; set; } = true;

    public bool IsStale(DateTimeOffset now, TimeSpan reviewInterval) => now - ReviewedAt > reviewInterval;

    public void Republish(string title, string specialty, List<string> departmentCodes, List<string> diseases, string summary,
        string body, DateTimeOffset now)
    {
        Title = title;
        Specialty = specialty;
        DepartmentCodes = departmentCodes;
        Diseases = diseases;
        Summary = summary;
        Body = body;
        ReviewedAt = now;
        IsActive = true;
    }
}
