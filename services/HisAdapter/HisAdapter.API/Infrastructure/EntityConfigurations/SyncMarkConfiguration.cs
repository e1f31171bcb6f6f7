using HisAdapter.API.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HisAdapter.API.Infrastructure.EntityConfigurations;

internal sealed class SyncMarkConfiguration : IEntityTypeConfiguration<SyncMark>
{
    public void Configure(EntityTypeBuilder<SyncMark> e)
    {
        e.ToTable("sync_marks");
        e.HasKey(m => m.ResourceType);
    }
}
