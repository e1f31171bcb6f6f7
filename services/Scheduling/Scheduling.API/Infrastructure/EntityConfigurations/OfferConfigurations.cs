using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scheduling.API.Domain;

namespace Scheduling.API.Infrastructure.EntityConfigurations;

internal sealed class SlotOfferConfiguration : IEntityTypeConfiguration<SlotOffer>
{
    public void Configure(EntityTypeBuilder<SlotOffer> e)
    {
        e.ToTable("slot_offers");
        e.HasKey(o => o.Id);
        e.HasIndex(o => new { o.AccountId, o.Status });
        e.HasIndex(o => new { o.Status, o.HoldUntil }).HasFilter("status = 'open'");
        e.HasIndex(o => o.CancelledAppointmentId);
        e.Property(o => o.Kind).HasMaxLength(20);
        e.Property(o => o.Status).HasMaxLength(20);
        e.Property(o => o.UnitHisId).HasMaxLength(100);
        e.Property(o => o.DepartmentName).HasMaxLength(100);
        e.Property(o => o.DoctorName).HasMaxLength(100);
        e.Property(o => o.DoctorTitle).HasMaxLength(50);
        e.Property(o => o.Location).HasMaxLength(200);
        e.Property(o => o.Version).IsRowVersion();
    }
}

internal sealed class ExamOfferConfiguration : IEntityTypeConfiguration<ExamOffer>
{
    public void Configure(EntityTypeBuilder<ExamOffer> e)
    {
        e.ToTable("exam_offers");
        e.HasKey(o => o.Id);
        e.HasIndex(o => new { o.PatientId, o.Status });
        e.HasIndex(o => new { o.Status, o.HoldUntil }).HasFilter("status = 'open'");
        // Not unique: a hold withdrawn by a later failure of its own room is held again for the same cancelled exam.
        e.HasIndex(o => o.CancelledAppointmentId);
        e.Property(o => o.Status).HasMaxLength(20);
        e.Property(o => o.ItemName).HasMaxLength(200);
        e.Property(o => o.UnitHisId).HasMaxLength(100);
        e.Property(o => o.RoomName).HasMaxLength(100);
        e.Property(o => o.Location).HasMaxLength(200);
        e.Property(o => o.Version).IsRowVersion();
    }
}

internal sealed class WaitlistEntryConfiguration : IEntityTypeConfiguration<WaitlistEntry>
{
    /// <summary>One live place per patient and session.</summary>
    public const string OnePerPatientSession = "ux_waitlist_entries_active_patient_session";

    public void Configure(EntityTypeBuilder<WaitlistEntry> e)
    {
        e.ToTable("waitlist_entries");
        e.HasKey(w => w.Id);
        e.HasIndex(w => new { w.SessionId, w.Status, w.JoinedAt });
        e.HasIndex(w => new { w.AccountId, w.JoinedAt });
        e.HasIndex(w => new { w.PatientId, w.SessionId }).IsUnique().HasDatabaseName(OnePerPatientSession)
            .HasFilter("status IN ('waiting', 'offered')");
        e.Property(w => w.Status).HasMaxLength(20);
        e.Property(w => w.ClosedReason).HasMaxLength(200);
        e.Property(w => w.Version).IsRowVersion();
        e.Ignore(w => w.IsActive);
    }
}
