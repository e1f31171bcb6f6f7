using HisAdapter.API.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HisAdapter.API.Infrastructure.EntityConfigurations;

internal sealed class SyncedResourceConfiguration : IEntityTypeConfiguration<SyncedResource>
{
    public void Configure(EntityTypeBuilder<SyncedResource> e)
    {
        e.ToTable("synced_resources");
        e.HasKey(r => new { r.Kind, r.HisId });
    }
}
