using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pharmacy.API.Domain;

namespace Pharmacy.API.Infrastructure.EntityConfigurations;

internal sealed class DrugConfiguration : IEntityTypeConfiguration<Drug>
{
    public void Configure(EntityTypeBuilder<Drug> b)
    {
        b.ToTable("drugs");
        b.HasKey(d => d.Code);
        b.Property(d => d.Code).HasMaxLength(32);
        b.Property(d => d.Name).HasMaxLength(100);
        b.Property(d => d.DrugClass).HasMaxLength(50);
        b.Property(d => d.TherapeuticGroup).HasMaxLength(50);
        b.Property(d => d.AllergyClass).HasMaxLength(50);
        b.Property(d => d.Pregnancy).HasMaxLength(20);
        b.Property(d => d.Controlled).HasMaxLength(20);
        b.Property(d => d.MaxDailyDoseMg).HasPrecision(12, 3);
        b.HasIndex(d => d.Name);
    }
}

internal sealed class DrugInteractionConfiguration : IEntityTypeConfiguration<DrugInteraction>
{
    public void Configure(EntityTypeBuilder<DrugInteraction> b)
    {
        b.ToTable("drug_interactions");
        b.HasKey(i => i.Id);
        b.Property(i => i.DrugA).HasMaxLength(32);
        b.Property(i => i.DrugB).HasMaxLength(32);
        b.Property(i => i.Severity).HasMaxLength(20);
        b.HasIndex(i => new { i.DrugA, i.DrugB }).IsUnique();
    }
}

internal sealed class AllergyClassConfiguration : IEntityTypeConfiguration<AllergyClass>
{
    public void Configure(EntityTypeBuilder<AllergyClass> b)
    {
        b.ToTable("allergy_classes");
        b.HasKey(a => a.Code);
        b.Property(a => a.Code).HasMaxLength(50);
        b.Property(a => a.Name).HasMaxLength(50);
    }
}

internal sealed class PrescriptionConfiguration : IEntityTypeConfiguration<Prescription>
{
    public void Configure(EntityTypeBuilder<Prescription> b)
    {
        b.ToTable("prescriptions");
        b.HasKey(p => p.Id);
        b.Property(p => p.HisId).HasMaxLength(64);
        b.Property(p => p.Category).HasMaxLength(20);
        b.Property(p => p.EncounterHisId).HasMaxLength(64);
        b.Property(p => p.DrugCode).HasMaxLength(32);
        b.Property(p => p.DrugName).HasMaxLength(100);
        b.Property(p => p.DoseValue).HasPrecision(12, 4);
        b.Property(p => p.DoseUnit).HasMaxLength(20);
        b.Property(p => p.Route).HasMaxLength(20);
        b.Property(p => p.DosageText).HasMaxLength(500);
        b.Property(p => p.Quantity).HasMaxLength(50);
        b.Property(p => p.Prescriber).HasMaxLength(50);
        b.Property(p => p.Status).HasMaxLength(20);
        b.Property(p => p.DispenseStatus).HasMaxLength(20);
        b.Ignore(p => p.DailyDoseMg);
        b.Ignore(p => p.IsCurrent);
        b.Ignore(p => p.DispenseText);
        b.HasIndex(p => new { p.PatientId, p.HisId }).IsUnique();
    }
}

internal sealed class PatientMedicationContextConfiguration : IEntityTypeConfiguration<PatientMedicationContext>
{
    public void Configure(EntityTypeBuilder<PatientMedicationContext> b)
    {
        b.ToTable("patient_medication_contexts");
        b.HasKey(c => c.PatientId);
        b.Property(c => c.Sex).HasMaxLength(20);
        b.Property(c => c.WeightKg).HasPrecision(6, 2);
    }
}

internal sealed class SafetyAlertConfiguration : IEntityTypeConfiguration<SafetyAlert>
{
    public void Configure(EntityTypeBuilder<SafetyAlert> b)
    {
        b.ToTable("safety_alerts");
        b.HasKey(a => a.Id);
        b.Property(a => a.Key).HasMaxLength(200);
        b.Property(a => a.Kind).HasMaxLength(20);
        b.Property(a => a.Severity).HasMaxLength(20);
        b.Property(a => a.Status).HasMaxLength(20);
        b.Property(a => a.ReviewedBy).HasMaxLength(50);
        b.HasIndex(a => new { a.PatientId, a.Key }).IsUnique();
        b.HasIndex(a => new { a.Status, a.RaisedAt });
    }
}

internal sealed class PharmacistQuestionConfiguration : IEntityTypeConfiguration<PharmacistQuestion>
{
    public void Configure(EntityTypeBuilder<PharmacistQuestion> b)
    {
        b.ToTable("pharmacist_questions");
        b.HasKey(q => q.Id);
        b.Property(q => q.Question).HasMaxLength(500);
        b.Property(q => q.Answer).HasMaxLength(1000);
        b.Property(q => q.AnsweredBy).HasMaxLength(50);
        b.HasIndex(q => q.PatientId);
    }
}

internal sealed class DoseReminderConfiguration : IEntityTypeConfiguration<DoseReminder>
{
    public void Configure(EntityTypeBuilder<DoseReminder> b)
    {
        b.ToTable("dose_reminders");
        b.HasKey(r => r.Id);
        b.HasIndex(r => r.PrescriptionId).IsUnique();
        b.HasIndex(r => r.NextDueAt).HasFilter("enabled");
    }
}

internal sealed class DeliveryOrderConfiguration : IEntityTypeConfiguration<DeliveryOrder>
{
    public void Configure(EntityTypeBuilder<DeliveryOrder> b)
    {
        b.ToTable("delivery_orders");
        b.HasKey(d => d.Id);
        b.Property(d => d.Version).IsRowVersion();
        b.Property(d => d.Province).HasMaxLength(20);
        b.Property(d => d.City).HasMaxLength(20);
        b.Property(d => d.District).HasMaxLength(20);
        b.Property(d => d.Status).HasMaxLength(20);
        b.Property(d => d.WaybillNo).HasMaxLength(40);
        b.Property(d => d.ReleasedBy).HasMaxLength(50);
        b.HasIndex(d => d.WaybillNo).IsUnique();
        b.HasIndex(d => new { d.PatientId, d.CreatedAt });
        b.HasIndex(d => d.Status);
        b.HasMany(d => d.Steps).WithOne().HasForeignKey(s => s.DeliveryId);
    }
}

internal sealed class DeliveryStepConfiguration : IEntityTypeConfiguration<DeliveryStep>
{
    public void Configure(EntityTypeBuilder<DeliveryStep> b)
    {
        b.ToTable("delivery_steps");
        b.HasKey(s => s.Id);
        b.Property(s => s.Status).HasMaxLength(20);
        b.Property(s => s.Text).HasMaxLength(50);
        b.Property(s => s.Note).HasMaxLength(200);
        b.Property(s => s.CourierEventId).HasMaxLength(64);
        b.HasIndex(s => s.CourierEventId).IsUnique();
    }
}

internal sealed class DeliveryAddressConfiguration : IEntityTypeConfiguration<DeliveryAddress>
{
    public void Configure(EntityTypeBuilder<DeliveryAddress> b)
    {
        b.ToTable("delivery_addresses");
        b.HasKey(a => a.Id);
        b.Property(a => a.Province).HasMaxLength(20);
        b.Property(a => a.City).HasMaxLength(20);
        b.Property(a => a.District).HasMaxLength(20);
        b.HasIndex(a => a.AccountId);
    }
}

internal sealed class CourierNonceConfiguration : IEntityTypeConfiguration<CourierNonce>
{
    public void Configure(EntityTypeBuilder<CourierNonce> b)
    {
        b.ToTable("courier_nonces");
        b.HasKey(n => n.Nonce);
        b.Property(n => n.Nonce).HasMaxLength(64);
        b.HasIndex(n => n.ReceivedAt);
    }
}

internal sealed class ReadAuditConfiguration : IEntityTypeConfiguration<ReadAudit>
{
    public void Configure(EntityTypeBuilder<ReadAudit> b)
    {
        b.ToTable("read_audits");
        b.HasKey(a => a.Id);
        b.Property(a => a.Actor).HasMaxLength(64);
        b.Property(a => a.Role).HasMaxLength(20);
        b.Property(a => a.What).HasMaxLength(100);
        b.HasIndex(a => new { a.PatientId, a.At });
    }
}
