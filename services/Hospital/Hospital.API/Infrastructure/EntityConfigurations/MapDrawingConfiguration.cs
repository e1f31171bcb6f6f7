using Hospital.API.Domain.Navigation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.API.Infrastructure.EntityConfigurations;

internal sealed class MapDrawingConfiguration : IEntityTypeConfiguration<MapDrawing>
{
    public void Configure(EntityTypeBuilder<MapDrawing> e)
    {
        e.ToTable("map_drawings");
        e.HasKey(d => d.Id);
        e.Property(d => d.UploadedByName).HasMaxLength(100);
    }
}
