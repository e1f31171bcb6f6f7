using HisAdapter.API.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Persistence;

namespace HisAdapter.API.Infrastructure.EntityConfigurations;

internal sealed class HisCommandConfiguration : IEntityTypeConfiguration<HisCommand>
{
    public void Configure(EntityTypeBuilder<HisCommand> e)
    {
        e.ToTable("his_commands");
        e.HasKey(c => c.Id);
        e.HasIndex(c => c.CommandKey).IsUnique();
        e.Property(c => c.Payload).HasColumnType("jsonb");
        e.Property(c => c.Attempts).HasColumnDefault(0);
        e.Property(c => c.LeaseOwner).HasMaxLength(Platform.ServiceDefaults.Workers.LeaseOwner.MaxLength);
        e.HasIndex(c => c.NextAttemptAt).HasDatabaseName("ix_his_commands_due").HasFilter("status = 'pending'");
        e.Property(c => c.OrderingKeys).HasDefaultValueSql("'{}'");
        e.HasIndex(c => new { c.CreatedAt, c.Id }).HasDatabaseName("ix_his_commands_pending_order").HasFilter("status = 'pending'");
    }
}
