using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Auth;

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

    /// <summary>The patients the signed-in account acts for: its token's <c>pid</c> claim and those Identity announced
    /// since the token was issued.</summary>
    public static async Task<IReadOnlySet<Guid>> ActedForAsync(this DbSet<PatientLink> links, ClaimsPrincipal user, CancellationToken ct)
    {
        var linked = await links.PatientsOf(user.AccountId()).ToListAsync(ct);
        return user.PatientIds().Union(linked).ToHashSet();
    }

    public static async Task<bool> ActsForAsync(this DbSet<PatientLink> links, ClaimsPrincipal user, Guid patientId, CancellationToken ct) =>
        user.PatientIds().Contains(patientId) || await links.MayActForAsync(user.AccountId(), patientId, ct);
}
