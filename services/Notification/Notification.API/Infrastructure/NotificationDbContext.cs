using Microsoft.EntityFrameworkCore;
using Notification.API.Domain;
using Platform.Messaging;

namespace Notification.API.Infrastructure;

public sealed class NotificationDbContext(DbContextOptions<NotificationDbContext> options) : DbContext(options)
{
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<Delivery> Deliveries => Set<Delivery>();
    public DbSet<PatientAccount> PatientAccounts => Set<PatientAccount>();
    public DbSet<WeChatBinding> WeChatBindings => Set<WeChatBinding>();
    public DbSet<WeChatFollower> WeChatFollowers => Set<WeChatFollower>();
    public DbSet<NotificationPreferences> Preferences => Set<NotificationPreferences>();
    public DbSet<MiniProgramBinding> MiniProgramBindings => Set<MiniProgramBinding>();
    public DbSet<MiniProgramGrant> MiniProgramGrants => Set<MiniProgramGrant>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.ApplyConfigurationsFromAssembly(typeof(NotificationDbContext).Assembly);
        model.AddOutboxAndInbox();
    }
}
