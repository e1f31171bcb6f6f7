using Convenience.API.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Convenience.API.Infrastructure.EntityConfigurations;

internal sealed class ServiceOrderConfiguration : IEntityTypeConfiguration<ServiceOrder>
{
    public void Configure(EntityTypeBuilder<ServiceOrder> b)
    {
        b.ToTable("service_orders");
        b.HasKey(o => o.Id);
        b.Property(o => o.ItemCode).HasMaxLength(40);
        b.Property(o => o.ItemName).HasMaxLength(60);
        b.Property(o => o.Provider).HasMaxLength(40);
        b.Property(o => o.WindowText).HasMaxLength(20);
        b.Property(o => o.Note).HasMaxLength(200);
        b.Property(o => o.Location).HasMaxLength(100);
        b.Property(o => o.Status).HasMaxLength(20);
        b.Property(o => o.TrackingNo).HasMaxLength(40);
        b.Property(o => o.HandledBy).HasMaxLength(60);
        b.Property(o => o.Reason).HasMaxLength(200);
        b.OwnsOne(o => o.Contact, c => Contact(c));
        b.HasMany(o => o.Steps).WithOne().HasForeignKey(s => s.OrderId);
        b.HasIndex(o => new { o.PatientId, o.CreatedAt });
        b.HasIndex(o => new { o.Provider, o.Status });
    }

    internal static void Contact<T>(OwnedNavigationBuilder<T, EncryptedContact> c) where T : class
    {
        c.Property(x => x.NameCipher).HasColumnName("contact_name_cipher").HasMaxLength(300);
        c.Property(x => x.PhoneCipher).HasColumnName("contact_phone_cipher").HasMaxLength(300);
        c.Property(x => x.AddressCipher).HasColumnName("contact_address_cipher").HasMaxLength(800);
        c.Property(x => x.District).HasColumnName("contact_district").HasMaxLength(30);
    }
}

internal sealed class ServiceOrderStepConfiguration : IEntityTypeConfiguration<ServiceOrderStep>
{
    public void Configure(EntityTypeBuilder<ServiceOrderStep> b)
    {
        b.ToTable("service_order_steps");
        b.HasKey(s => s.Id);
        b.Property(s => s.Status).HasMaxLength(20);
        b.Property(s => s.Text).HasMaxLength(40);
        b.Property(s => s.Note).HasMaxLength(200);
    }
}

internal sealed class HomeVisitConfiguration : IEntityTypeConfiguration<HomeVisit>
{
    public void Configure(EntityTypeBuilder<HomeVisit> b)
    {
        b.ToTable("home_visits");
        b.HasKey(v => v.Id);
        b.Property(v => v.ServiceCode).HasMaxLength(30);
        b.Property(v => v.ServiceName).HasMaxLength(60);
        b.Property(v => v.HalfDay).HasMaxLength(10);
        b.Property(v => v.OrderReference).HasMaxLength(40);
        b.Property(v => v.Condition).HasMaxLength(300);
        b.Property(v => v.Status).HasMaxLength(20);
        b.Property(v => v.NurseName).HasMaxLength(30);
        b.Property(v => v.NursePhoneCipher).HasMaxLength(300);
        b.Property(v => v.AssignedBy).HasMaxLength(60);
        b.Property(v => v.Record).HasMaxLength(1000);
        b.Property(v => v.Reason).HasMaxLength(200);
        b.OwnsOne(v => v.Contact, c => ServiceOrderConfiguration.Contact(c));
        b.Navigation(v => v.Contact).IsRequired();
        b.HasMany(v => v.Steps).WithOne().HasForeignKey(s => s.VisitId);
        b.HasIndex(v => new { v.PatientId, v.CreatedAt });
        b.HasIndex(v => new { v.VisitDate, v.Status });
    }
}

internal sealed class HomeVisitStepConfiguration : IEntityTypeConfiguration<HomeVisitStep>
{
    public void Configure(EntityTypeBuilder<HomeVisitStep> b)
    {
        b.ToTable("home_visit_steps");
        b.HasKey(s => s.Id);
        b.Property(s => s.Status).HasMaxLength(20);
        b.Property(s => s.Text).HasMaxLength(40);
        b.Property(s => s.Note).HasMaxLength(200);
    }
}
