using Hospital.API.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.API.Infrastructure.EntityConfigurations;

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> e)
    {
        e.ToTable("departments");
        e.HasKey(d => d.Id);
        e.HasIndex(d => d.Code).IsUnique();
        e.Property(d => d.Version).IsConcurrencyToken();
    }
}
