using Hospital.API.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Persistence;

namespace Hospital.API.Infrastructure.EntityConfigurations;

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> e)
    {
        e.ToTable("departments");
        e.HasKey(d => d.Id);
        e.HasIndex(d => d.Code).IsUnique();
        e.Property(d => d.Version).IsConcurrencyToken().HasColumnDefault(1);
        e.Property(d => d.Building).HasColumnDefault("");
        e.Property(d => d.Floor).HasColumnDefault("");
        e.Property(d => d.Phone).HasColumnDefault("");
        e.Property(d => d.Summary).HasColumnDefault("");
        e.Property(d => d.SortOrder).HasColumnDefault(0);
        // Departments closed in the HIS stay for history but leave the lists patients see.
        e.Property(d => d.IsActive).HasColumnDefault(true);
    }
}
