using Microsoft.EntityFrameworkCore;
using Platform.Messaging.Inbox;
using Platform.Messaging.Outbox;
using Platform.Persistence;

namespace Platform.Messaging;

public static class MessagingModel
{
    /// <summary>Maps the outbox and inbox tables into a service's DbContext so they share its transactions.</summary>
    public static ModelBuilder AddOutboxAndInbox(this ModelBuilder model)
    {
        model.Entity<OutboxMessage>(e =>
        {
            e.ToTable("outbox_messages");
            e.HasKey(m => m.Id);
            e.Property(m => m.Payload).HasColumnType("jsonb");
            e.Property(m => m.TraceParent).HasMaxLength(55);
            e.Property(m => m.Attempts).HasColumnDefault(0);
            e.Property(m => m.LeaseOwner).HasMaxLength(Platform.ServiceDefaults.Workers.LeaseOwner.MaxLength);
            e.HasIndex(m => new { m.NextAttemptAt, m.CreatedAt }).HasDatabaseName("ix_outbox_messages_pending")
                .HasFilter("sent_at IS NULL");
        });
        model.Entity<InboxMessage>(e =>
        {
            e.ToTable("inbox_messages");
            e.HasKey(m => new { m.MessageId, m.Consumer });
            // Consumers insert their row with SQL (ON CONFLICT DO NOTHING) and the service's clock; the default covers older rows.
            e.Property(m => m.ProcessedAt).HasColumnDefaultSql("now()");
        });
        return model;
    }
}
