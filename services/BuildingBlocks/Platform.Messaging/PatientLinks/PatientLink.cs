using Microsoft.EntityFrameworkCore;

namespace Platform.Messaging.PatientLinks;

/// <summary>An account (token <c>sub</c>) may act for this patient (就诊人), as Identity announced. A service that
/// answers "may this account act for that patient" keeps these rows in its own database (patient_links), fed by
/// <see cref="PatientLinkConsumers"/>.</summary>
public sealed class PatientLink
{
    public required Guid AccountId { get; init; }
    public required Guid PatientId { get; init; }
}

public static class PatientLinkModel
{
    public static ModelBuilder AddPatientLinks(this ModelBuilder model)
    {
        model.Entity<PatientLink>(e =>
        {
            e.ToTable("patient_links");
            e.HasKey(l => new { l.AccountId, l.PatientId });
            e.HasIndex(l => l.PatientId);
        });
        return model;
    }

    /// <summary>The patients an account may act for.</summary>
    public static IQueryable<Guid> PatientsOf(this DbSet<PatientLink> links, Guid accountId) =>
        links.Where(l => l.AccountId == accountId).Select(l => l.PatientId);

    public static Task<bool> MayActForAsync(this DbSet<PatientLink> links, Guid accountId, Guid patientId, CancellationToken ct) =>
        links.AnyAsync(l => l.AccountId == accountId && l.PatientId == patientId, ct);
}
