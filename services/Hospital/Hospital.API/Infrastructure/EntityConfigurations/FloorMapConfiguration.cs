using Hospital.API.Domain.Navigation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Persistence;

namespace Hospital.API.Infrastructure.EntityConfigurations;

internal sealed class FloorMapConfiguration : IEntityTypeConfiguration<FloorMap>
{
    public void Configure(EntityTypeBuilder<FloorMap> e)
    {
        e.ToTable("floor_maps");
        e.HasKey(m => m.Id);
        e.HasIndex(m => m.Code).IsUnique();
        e.HasIndex(m => new { m.Campus, m.Building, m.Floor }).IsUnique();
        e.Property(m => m.Code).HasMaxLength(64);
        e.Property(m => m.Campus).HasMaxLength(50);
        e.Property(m => m.Building).HasMaxLength(50);
        e.Property(m => m.Version).IsConcurrencyToken().HasColumnDefault(1);
        e.Ignore(m => m.FloorLabel);
        e.Property(m => m.Walkway).HasColumnType("jsonb").HasConversion(WalkwayJson.Converter, WalkwayJson.Comparer)
            .HasColumnDefaultSql("'{\"metersPerUnit\":0.1,\"nodes\":[],\"edges\":[]}'::jsonb");
        e.HasMany(m => m.Places).WithOne(p => p.FloorMap).HasForeignKey(p => p.FloorMapId).OnDelete(DeleteBehavior.Restrict);
    }
}
