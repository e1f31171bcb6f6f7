using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Queue.API.Domain;

namespace Queue.API.Infrastructure.EntityConfigurations;

internal sealed class ClinicQueueConfiguration : IEntityTypeConfiguration<ClinicQueue>
{
    public void Configure(EntityTypeBuilder<ClinicQueue> e)
    {
        e.ToTable("clinic_queues");
        e.HasKey(q => q.Id);
        e.HasIndex(q => new { q.Day, q.DepartmentName, q.DoctorName, q.Location }).IsUnique();
        e.Property(q => q.Kind).HasMaxLength(20).HasDefaultValue(QueueKind.Clinic);
        e.HasIndex(q => new { q.Day, q.Kind });
        e.Property(q => q.DepartmentName).HasMaxLength(100);
        e.Property(q => q.DoctorName).HasMaxLength(100);
        e.Property(q => q.Location).HasMaxLength(200);
        e.Property(q => q.PractitionerHisId).HasMaxLength(64);
        e.Ignore(q => q.Name);
    }
}

internal sealed class QueueTicketConfiguration : IEntityTypeConfiguration<QueueTicket>
{
    public void Configure(EntityTypeBuilder<QueueTicket> e)
    {
        e.ToTable("queue_tickets");
        e.HasKey(t => t.Id);
        e.HasIndex(t => t.AppointmentId).IsUnique();
        e.HasIndex(t => new { t.QueueId, t.Number }).IsUnique();
        e.HasIndex(t => new { t.QueueId, t.Status, t.OrderAt, t.OrderTie });
        e.HasIndex(t => new { t.PatientId, t.Status });
        e.Property(t => t.Status).HasMaxLength(20);
        e.Ignore(t => t.IsActive);
    }
}

internal sealed class QueueCallConfiguration : IEntityTypeConfiguration<QueueCall>
{
    public void Configure(EntityTypeBuilder<QueueCall> e)
    {
        e.ToTable("queue_calls");
        e.HasKey(c => c.Id);
        e.HasIndex(c => new { c.QueueId, c.CalledAt });
    }
}

internal sealed class VisitAppointmentConfiguration : IEntityTypeConfiguration<VisitAppointment>
{
    public void Configure(EntityTypeBuilder<VisitAppointment> e)
    {
        e.ToTable("visit_appointments");
        e.HasKey(a => a.Id);
        e.Property(a => a.Id).ValueGeneratedNever();
        e.HasIndex(a => new { a.PatientId, a.StartsAt });
        e.HasIndex(a => a.QueueId);
        e.Property(a => a.ItemName).HasMaxLength(200);
        e.Property(a => a.Preparation).HasMaxLength(2000);
        e.HasIndex(a => new { a.PreparationSentAt, a.StartsAt });
    }
}

internal sealed class VisitPaymentConfiguration : IEntityTypeConfiguration<VisitPayment>
{
    public void Configure(EntityTypeBuilder<VisitPayment> e)
    {
        e.ToTable("visit_payments");
        e.HasKey(p => p.PaymentId);
        e.Property(p => p.PaymentId).ValueGeneratedNever();
        e.Property(p => p.OrderKind).HasMaxLength(32);
        e.HasIndex(p => new { p.PatientId, p.PaidAt });
    }
}
