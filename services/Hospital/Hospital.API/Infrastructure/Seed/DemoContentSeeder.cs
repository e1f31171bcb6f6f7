using Hospital.API.Application.Content;
using Hospital.API.Application.Publishing;
using Platform.Persistence;

namespace Hospital.API.Infrastructure.Seed;

/// <summary>Publishes the demo hospital's content (profile, departments, guides) once, as the system; whatever staff
/// published later is never overwritten. Enabled by <c>Hospital:SeedDemoContent</c> (local stack and tests).</summary>
internal sealed class DemoContentSeeder(ContentTypeRegistry registry, IServiceProvider services, TimeProvider clock) : ISeeder<HospitalDbContext>
{
    public async Task SeedAsync(HospitalDbContext db, CancellationToken ct)
    {
        var workflow = new ContentWorkflow(db, registry, services, clock);
        await workflow.SeedPublishedAsync(HospitalProfile.Slug, HospitalProfile.Key, DemoHospitalProfile.Build(), ct);
        foreach (var (code, content) in DemoDepartmentContent.Build())
            await workflow.SeedPublishedAsync(DepartmentContent.Slug, code, content, ct);
        foreach (var (key, guide) in DemoGuides.Build())
            await workflow.SeedPublishedAsync(Guide.Slug, key, guide, ct);
        await db.SaveChangesAsync(ct);
    }
}
