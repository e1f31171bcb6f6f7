using Microsoft.EntityFrameworkCore;
using Platform.Messaging;
using Platform.Persistence;

namespace Notification.API.Infrastructure;

public sealed class NotificationDbContext(DbContextOptions<NotificationDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder model)
    {
        model.ApplyConfigurationsFromAssembly(typeof(NotificationDbContext).Assembly);
        model.AddOutboxAndInbox();
        model.UseSnakeCaseNames();
    }
}
