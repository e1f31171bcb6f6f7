using FollowUp.API.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FollowUp.API.Infrastructure.EntityConfigurations;

internal sealed class QuestionnaireConfiguration : IEntityTypeConfiguration<Questionnaire>
{
    public void Configure(EntityTypeBuilder<Questionnaire> b)
    {
        b.ToTable("questionnaires");
        b.HasKey(q => q.Id);
        b.Property(q => q.Title).HasMaxLength(100);
        b.Property(q => q.Description).HasMaxLength(500);
        b.Property(q => q.Purpose).HasMaxLength(20);
        b.Property(q => q.DepartmentName).HasMaxLength(50);
        b.Property(q => q.Items).AsJson();
    }
}

internal sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> b)
    {
        b.ToTable("survey_responses");
        b.HasKey(r => r.Id);
        b.Property(r => r.Reason).HasMaxLength(20);
        b.Property(r => r.DepartmentName).HasMaxLength(50);
        b.Property(r => r.VisitRef).HasMaxLength(100);
        b.Property(r => r.Status).HasMaxLength(20);
        b.Property(r => r.Answers).AsJson();
        b.HasIndex(r => new { r.PatientId, r.SendAt });
        b.HasIndex(r => r.SendAt).HasFilter("sent_at IS NULL");
        // One survey per questionnaire per visit, and one per step of a plan, however often the event arrives.
        b.HasIndex(r => new { r.QuestionnaireId, r.PatientId, r.VisitRef }).IsUnique().HasFilter("visit_ref IS NOT NULL");
        b.HasIndex(r => new { r.PlanId, r.PlanDay }).IsUnique().HasFilter("plan_id IS NOT NULL");
    }
}

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> b)
    {
        b.ToTable("complaints");
        b.HasKey(c => c.Id);
        b.Property(c => c.Kind).HasMaxLength(20);
        b.Property(c => c.Category).HasMaxLength(20);
        b.Property(c => c.DepartmentName).HasMaxLength(50);
        b.Property(c => c.VisitRef).HasMaxLength(100);
        b.Property(c => c.Text).HasMaxLength(2000);
        b.Property(c => c.Status).HasMaxLength(20);
        b.Property(c => c.HandlerGroup).HasMaxLength(50);
        b.Property(c => c.EscalationGroup).HasMaxLength(50);
        b.Property(c => c.AcknowledgedBy).HasMaxLength(50);
        b.Property(c => c.RatingComment).HasMaxLength(500);
        b.HasIndex(c => new { c.PatientId, c.CreatedAt });
        b.HasIndex(c => new { c.Status, c.CreatedAt });
        b.HasIndex(c => c.AcknowledgeBy).HasFilter("status = 'routed'");
        b.HasMany(c => c.Messages).WithOne().HasForeignKey(m => m.ComplaintId);
        b.HasMany(c => c.Photos).WithOne().HasForeignKey(p => p.ComplaintId);
    }
}

internal sealed class ComplaintMessageConfiguration : IEntityTypeConfiguration<ComplaintMessage>
{
    public void Configure(EntityTypeBuilder<ComplaintMessage> b)
    {
        b.ToTable("complaint_messages");
        b.HasKey(m => m.Id);
        b.Property(m => m.From).HasMaxLength(20);
        b.Property(m => m.Author).HasMaxLength(50);
        b.Property(m => m.Text).HasMaxLength(2000);
    }
}

internal sealed class ComplaintPhotoConfiguration : IEntityTypeConfiguration<ComplaintPhoto>
{
    public void Configure(EntityTypeBuilder<ComplaintPhoto> b)
    {
        b.ToTable("complaint_photos");
        b.HasKey(p => p.Id);
        b.Property(p => p.ContentType).HasMaxLength(30);
    }
}

internal sealed class RoutingRuleConfiguration : IEntityTypeConfiguration<RoutingRule>
{
    public void Configure(EntityTypeBuilder<RoutingRule> b)
    {
        b.ToTable("routing_rules");
        b.HasKey(r => r.Id);
        b.Property(r => r.Category).HasMaxLength(20);
        b.Property(r => r.DepartmentName).HasMaxLength(50);
        b.Property(r => r.HandlerGroup).HasMaxLength(50);
        b.Property(r => r.EscalationGroup).HasMaxLength(50);
        b.Ignore(r => r.Specificity);
    }
}

internal sealed class StaffContactConfiguration : IEntityTypeConfiguration<StaffContact>
{
    public void Configure(EntityTypeBuilder<StaffContact> b)
    {
        b.ToTable("staff_contacts");
        b.HasKey(c => c.Id);
        b.Property(c => c.Group).HasMaxLength(50);
        b.Property(c => c.Name).HasMaxLength(30);
        b.Property(c => c.PhoneEncrypted).HasMaxLength(300);
        b.Property(c => c.PhoneMasked).HasMaxLength(20);
        b.HasIndex(c => c.Group);
    }
}

internal sealed class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> b)
    {
        b.ToTable("staff_members");
        b.HasKey(s => s.AccountId);
        b.Property(s => s.Name).HasMaxLength(30);
        b.Property(s => s.Departments).AsJson();
    }
}

internal sealed class StaffAlertConfiguration : IEntityTypeConfiguration<StaffAlert>
{
    public void Configure(EntityTypeBuilder<StaffAlert> b)
    {
        b.ToTable("staff_alerts");
        b.HasKey(a => a.Id);
        b.Property(a => a.Group).HasMaxLength(50);
        b.Property(a => a.Kind).HasMaxLength(30);
        b.Property(a => a.Title).HasMaxLength(100);
        b.Property(a => a.Body).HasMaxLength(500);
        b.HasIndex(a => new { a.Group, a.CreatedAt });
        b.HasMany(a => a.Sms).WithOne().HasForeignKey(s => s.AlertId);
    }
}

internal sealed class StaffSmsConfiguration : IEntityTypeConfiguration<StaffSms>
{
    public void Configure(EntityTypeBuilder<StaffSms> b)
    {
        b.ToTable("staff_sms");
        b.HasKey(s => s.Id);
        b.Property(s => s.PhoneEncrypted).HasMaxLength(300);
        b.Property(s => s.Status).HasMaxLength(20);
        b.Property(s => s.LeaseOwner).HasMaxLength(100);
        b.Property(s => s.Error).HasMaxLength(300);
        b.HasIndex(s => s.NextAttemptAt).HasFilter("status = 'pending'");
    }
}

internal sealed class TargetingRuleConfiguration : IEntityTypeConfiguration<TargetingRule>
{
    public void Configure(EntityTypeBuilder<TargetingRule> b)
    {
        b.ToTable("targeting_rules");
        b.HasKey(r => r.Id);
        b.Property(r => r.Trigger).HasMaxLength(20);
        b.Property(r => r.DepartmentName).HasMaxLength(50);
        b.Property(r => r.ConditionTerms).AsJson();
    }
}

internal sealed class SurveyPreferenceConfiguration : IEntityTypeConfiguration<SurveyPreference>
{
    public void Configure(EntityTypeBuilder<SurveyPreference> b)
    {
        b.ToTable("survey_preferences");
        b.HasKey(p => p.PatientId);
    }
}

internal sealed class VisitConfiguration : IEntityTypeConfiguration<Visit>
{
    public void Configure(EntityTypeBuilder<Visit> b)
    {
        b.ToTable("visits");
        b.HasKey(v => v.Id);
        b.Property(v => v.SourceRef).HasMaxLength(100);
        b.Property(v => v.Kind).HasMaxLength(20);
        b.Property(v => v.DepartmentName).HasMaxLength(50);
        b.Property(v => v.DoctorName).HasMaxLength(50);
        b.HasIndex(v => v.SourceRef).IsUnique();
        b.HasIndex(v => new { v.PatientId, v.At });
    }
}

internal sealed class PlanTemplateConfiguration : IEntityTypeConfiguration<PlanTemplate>
{
    public void Configure(EntityTypeBuilder<PlanTemplate> b)
    {
        b.ToTable("plan_templates");
        b.HasKey(t => t.Id);
        b.Property(t => t.Name).HasMaxLength(100);
        b.Property(t => t.Trigger).HasMaxLength(20);
        b.Property(t => t.DepartmentName).HasMaxLength(50);
        b.Property(t => t.CareTeamGroup).HasMaxLength(50);
        b.Property(t => t.Steps).AsJson();
    }
}

internal sealed class FollowUpPlanConfiguration : IEntityTypeConfiguration<FollowUpPlan>
{
    public void Configure(EntityTypeBuilder<FollowUpPlan> b)
    {
        b.ToTable("followup_plans");
        b.HasKey(p => p.Id);
        b.Property(p => p.SourceRef).HasMaxLength(100);
        b.Property(p => p.CareTeamGroup).HasMaxLength(50);
        b.HasIndex(p => new { p.TemplateId, p.PatientId, p.SourceRef }).IsUnique();
    }
}

internal sealed class ReadAuditConfiguration : IEntityTypeConfiguration<ReadAudit>
{
    public void Configure(EntityTypeBuilder<ReadAudit> b)
    {
        b.ToTable("read_audits");
        b.HasKey(a => a.Id);
        b.Property(a => a.Actor).HasMaxLength(64);
        b.Property(a => a.What).HasMaxLength(100);
        b.HasIndex(a => new { a.PatientId, a.At });
    }
}
