using Convenience.API.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Convenience.API.Infrastructure.EntityConfigurations;

internal sealed class ServiceItemConfiguration : IEntityTypeConfiguration<ServiceItem>
{
    public void Configure(EntityTypeBuilder<ServiceItem> b)
    {
        b.ToTable("service_items");
        b.HasKey(i => i.Id);
        b.Property(i => i.Code).HasMaxLength(40);
        b.HasIndex(i => i.Code).IsUnique();
        b.Property(i => i.Name).HasMaxLength(60);
        b.Property(i => i.Category).HasMaxLength(30);
        b.Property(i => i.Description).HasMaxLength(500);
        b.Property(i => i.Unit).HasMaxLength(10);
        b.Property(i => i.Provider).HasMaxLength(40);
        b.Property(i => i.MustShow).HasMaxLength(200);
        // Stock is taken by a guarded UPDATE; the check keeps even a bad statement from overselling.
        b.ToTable(t => t.HasCheckConstraint("ck_service_items_stock", "stock IS NULL OR stock >= 0"));
        b.HasMany(i => i.Windows).WithOne().HasForeignKey(w => w.ItemId);
    }
}

internal sealed class ServiceWindowConfiguration : IEntityTypeConfiguration<ServiceWindow>
{
    public void Configure(EntityTypeBuilder<ServiceWindow> b)
    {
        b.ToTable("service_windows");
        b.HasKey(w => w.Id);
        b.Ignore(w => w.Text);
    }
}

internal sealed class WindowBookingConfiguration : IEntityTypeConfiguration<WindowBooking>
{
    public void Configure(EntityTypeBuilder<WindowBooking> b)
    {
        b.ToTable("window_bookings");
        b.HasKey(w => new { w.WindowId, w.Date });
        b.ToTable(t => t.HasCheckConstraint("ck_window_bookings_booked", "booked >= 0"));
    }
}

internal sealed class InpatientConfiguration : IEntityTypeConfiguration<Inpatient>
{
    public void Configure(EntityTypeBuilder<Inpatient> b)
    {
        b.ToTable("inpatients");
        b.HasKey(i => i.PatientId);
        b.Property(i => i.Ward).HasMaxLength(60);
        b.Property(i => i.Bed).HasMaxLength(30);
    }
}

internal sealed class ReadAuditConfiguration : IEntityTypeConfiguration<ReadAudit>
{
    public void Configure(EntityTypeBuilder<ReadAudit> b)
    {
        b.ToTable("read_audits");
        b.HasKey(a => a.Id);
        b.Property(a => a.Actor).HasMaxLength(100);
        b.Property(a => a.Role).HasMaxLength(20);
        b.Property(a => a.What).HasMaxLength(200);
        b.HasIndex(a => a.PatientId);
    }
}
