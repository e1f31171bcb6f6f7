using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scheduling.API.Domain;

namespace Scheduling.API.Infrastructure.EntityConfigurations;

internal sealed class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    /// <summary>The database's own guard against scalpers and double taps with different keys.</summary>
    public const string OnePerPatientDepartmentDay = "ux_appointments_active_patient_department_day";

    public void Configure(EntityTypeBuilder<Appointment> e)
    {
        e.ToTable("appointments");
        e.HasKey(a => a.Id);
        e.HasIndex(a => new { a.AccountId, a.CreatedAt });
        e.HasIndex(a => new { a.SessionId, a.Status });
        e.HasIndex(a => new { a.PatientId, a.DepartmentId, a.LocalDate }).IsUnique().HasDatabaseName(OnePerPatientDepartmentDay)
            .HasFilter("status IN ('locking', 'awaitingPayment', 'booked')");
        e.HasIndex(a => new { a.Status, a.HoldExpiresAt }).HasFilter("status IN ('locking', 'awaitingPayment')");
        // The reminder worker's look at the next day's booked visits.
        e.HasIndex(a => a.StartsAt).HasFilter("status = 'booked'");
        e.Property(a => a.UnitHisId).HasMaxLength(100);
        e.Property(a => a.DepartmentName).HasMaxLength(100);
        e.Property(a => a.DoctorName).HasMaxLength(100);
        e.Property(a => a.Location).HasMaxLength(200);
        e.Property(a => a.Status).HasMaxLength(20);
        e.Property(a => a.FailureReason).HasMaxLength(300);
        e.Property(a => a.CancelReason).HasMaxLength(300);
        e.Property(a => a.HisAppointmentId).HasMaxLength(100);
        e.Property(a => a.Version).IsRowVersion();
        e.Ignore(a => a.IsActive);
        e.HasMany(a => a.Steps).WithOne().HasForeignKey(s => s.AppointmentId).OnDelete(DeleteBehavior.Cascade);
        e.Navigation(a => a.Steps).AutoInclude();
    }
}

internal sealed class AppointmentStepConfiguration : IEntityTypeConfiguration<AppointmentStep>
{
    public void Configure(EntityTypeBuilder<AppointmentStep> e)
    {
        e.ToTable("appointment_steps");
        e.HasKey(s => s.Id);
        // Steps are added to a loaded appointment's collection with their id already set: new, not existing rows.
        e.Property(s => s.Id).ValueGeneratedNever();
        e.Property(s => s.Status).HasMaxLength(20);
        e.Property(s => s.StatusText).HasMaxLength(50);
    }
}

internal sealed class AgreementAcceptanceConfiguration : IEntityTypeConfiguration<AgreementAcceptance>
{
    public void Configure(EntityTypeBuilder<AgreementAcceptance> e)
    {
        e.ToTable("agreement_acceptances");
        e.HasKey(a => new { a.AccountId, a.Kind });
        e.Property(a => a.Kind).HasMaxLength(30);
        e.Property(a => a.Version).HasMaxLength(30);
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> e)
    {
        e.ToTable("idempotency_records");
        e.HasKey(r => new { r.AccountId, r.Key });
        e.HasIndex(r => r.CreatedAt);
        e.Property(r => r.Key).HasMaxLength(100);
        e.Property(r => r.RequestHash).HasMaxLength(64);
        e.Property(r => r.Response).HasColumnType("jsonb");
    }
}
