using Hospital.API.Domain.Education;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.API.Infrastructure.EntityConfigurations;

internal sealed class PatientDepartmentVisitConfiguration : IEntityTypeConfiguration<PatientDepartmentVisit>
{
    public void Configure(EntityTypeBuilder<PatientDepartmentVisit> e)
    {
        e.ToTable("patient_department_visits");
        e.HasKey(v => new { v.PatientId, v.DepartmentName });
        e.Property(v => v.DepartmentName).HasMaxLength(50);
    }
}
