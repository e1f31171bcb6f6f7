using Hospital.API.Domain.Navigation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Persistence;

namespace Hospital.API.Infrastructure.EntityConfigurations;

internal sealed class MapPlaceConfiguration : IEntityTypeConfiguration<MapPlace>
{
    public void Configure(EntityTypeBuilder<MapPlace> e)
    {
        e.ToTable("map_places");
        e.HasKey(p => p.Id);
        e.Property(p => p.Id).HasMaxLength(64);
        e.Property(p => p.Name).HasMaxLength(50);
        e.Property(p => p.Kind).HasMaxLength(20);
        e.Property(p => p.Room).HasMaxLength(20).HasColumnDefault("");
        e.Property(p => p.DepartmentCode).HasMaxLength(32);
        e.Property(p => p.Keywords).HasMaxLength(200).HasColumnDefault("");
        e.Property(p => p.NodeId).HasMaxLength(64);
        e.HasIndex(p => p.DepartmentCode);
    }
}
