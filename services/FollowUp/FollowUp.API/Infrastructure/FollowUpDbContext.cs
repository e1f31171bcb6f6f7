using FollowUp.API.Domain;
using Microsoft.EntityFrameworkCore;
using Platform.Messaging;
using Platform.Messaging.PatientLinks;

namespace FollowUp.API.Infrastructure;

public sealed class FollowUpDbContext(DbContextOptions<FollowUpDbContext> options) : DbContext(options)
{
    public DbSet<Questionnaire> Questionnaires => Set<Questionnaire>();
    public DbSet<SurveyResponse> Responses => Set<SurveyResponse>();
    public DbSet<Complaint> Complaints => Set<Complaint>();
    public DbSet<ComplaintMessage> ComplaintMessages => Set<ComplaintMessage>();
    public DbSet<ComplaintPhoto> ComplaintPhotos => Set<ComplaintPhoto>();
    public DbSet<RoutingRule> RoutingRules => Set<RoutingRule>();
    public DbSet<StaffContact> Contacts => Set<StaffContact>();
    public DbSet<StaffMember> StaffMembers => Set<StaffMember>();
    public DbSet<StaffAlert> Alerts => Set<StaffAlert>();
    public DbSet<StaffSms> StaffSms => Set<StaffSms>();
    public DbSet<TargetingRule> TargetingRules => Set<TargetingRule>();
    public DbSet<SurveyPreference> Preferences => Set<SurveyPreference>();
    public DbSet<Visit> Visits => Set<Visit>();
    public DbSet<PlanTemplate> PlanTemplates => Set<PlanTemplate>();
    public DbSet<FollowUpPlan> Plans => Set<FollowUpPlan>();
    public DbSet<ReadAudit> Audits => Set<ReadAudit>();
    public DbSet<PatientLink> PatientLinks => Set<PatientLink>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.ApplyConfigurationsFromAssembly(typeof(FollowUpDbContext).Assembly);
        model.AddOutboxAndInbox();
        model.AddPatientLinks();
    }
}
