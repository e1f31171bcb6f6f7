using HisAdapter.API.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HisAdapter.API.Infrastructure.EntityConfigurations;

internal sealed class HisCommandConfiguration : IEntityTypeConfiguration<HisCommand>
{
    public void Configure(EntityTypeBuilder<HisCommand> e)
    {
        e.ToTable("his_commands");
        e.HasKey(c => c.Id);
        e.HasIndex(c => c.CommandKey).IsUnique();
        e.Property(c => c.Payload).HasColumnType("jsonb");
    }
}
