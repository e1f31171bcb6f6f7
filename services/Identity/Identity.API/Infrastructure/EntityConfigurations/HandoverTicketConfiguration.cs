using Identity.API.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Identity.API.Infrastructure.EntityConfigurations;

internal sealed class HandoverTicketConfiguration : IEntityTypeConfiguration<HandoverTicket>
{
    public void Configure(EntityTypeBuilder<HandoverTicket> e)
    {
        e.ToTable("handover_tickets");
        e.HasKey(t => t.TicketHash);
        e.Property(t => t.Amr).HasMaxLength(200);
        e.HasIndex(t => t.ExpiresAt);
    }
}
