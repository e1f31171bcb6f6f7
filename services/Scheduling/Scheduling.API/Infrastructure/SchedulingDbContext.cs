using Microsoft.EntityFrameworkCore;
using Platform.Messaging;
using Platform.Messaging.PatientLinks;
using Scheduling.API.Domain;

namespace Scheduling.API.Infrastructure;

public sealed class SchedulingDbContext(DbContextOptions<SchedulingDbContext> options) : DbContext(options)
{
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Doctor> Doctors => Set<Doctor>();
    public DbSet<ClinicSession> Sessions => Set<ClinicSession>();
    public DbSet<Slot> Slots => Set<Slot>();
    public DbSet<SlotUnit> Units => Set<SlotUnit>();
    public DbSet<Appointment> Appointments => Set<Appointment>();
    public DbSet<AppointmentStep> AppointmentSteps => Set<AppointmentStep>();
    public DbSet<PatientLink> PatientLinks => Set<PatientLink>();
    public DbSet<AgreementAcceptance> Agreements => Set<AgreementAcceptance>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<ExamRoom> ExamRooms => Set<ExamRoom>();
    public DbSet<ExamSlot> ExamSlots => Set<ExamSlot>();
    public DbSet<ExamUnit> ExamUnits => Set<ExamUnit>();
    public DbSet<ExamOrder> ExamOrders => Set<ExamOrder>();
    public DbSet<ExamAppointment> ExamAppointments => Set<ExamAppointment>();
    public DbSet<SlotOffer> Offers => Set<SlotOffer>();
    public DbSet<ExamOffer> ExamOffers => Set<ExamOffer>();
    public DbSet<WaitlistEntry> Waitlist => Set<WaitlistEntry>();
    public DbSet<AppointmentReminder> Reminders => Set<AppointmentReminder>();
    public DbSet<SessionRequest> SessionRequests => Set<SessionRequest>();
    public DbSet<ExamRoomOutage> ExamRoomOutages => Set<ExamRoomOutage>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.ApplyConfigurationsFromAssembly(typeof(SchedulingDbContext).Assembly);
        model.AddOutboxAndInbox();
        model.AddPatientLinks();
    }
}
