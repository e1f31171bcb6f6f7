using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Payment.API.Domain;

namespace Payment.API.Infrastructure.EntityConfigurations;

internal sealed class InsuranceClaimConfiguration : IEntityTypeConfiguration<InsuranceClaim>
{
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    public void Configure(EntityTypeBuilder<InsuranceClaim> e)
    {
        e.ToTable("insurance_claims");
        e.HasKey(c => c.Id);
        e.HasIndex(c => c.OrderId);
        e.HasIndex(c => c.NextAttemptAt).HasFilter("next_attempt_at IS NOT NULL");
        e.HasOne<PaymentOrder>().WithMany().HasForeignKey(c => c.OrderId).OnDelete(DeleteBehavior.Cascade);
        e.Property(c => c.StateHash).HasMaxLength(64);
        e.Property(c => c.Status).HasMaxLength(16);
        e.Property(c => c.InsuredId).HasMaxLength(64);
        e.Property(c => c.InsuredName).HasMaxLength(32);
        e.Property(c => c.InsuranceType).HasMaxLength(32);
        e.Property(c => c.PreSettlementId).HasMaxLength(64);
        e.Property(c => c.SettlementId).HasMaxLength(64);
        e.Property(c => c.FailureReason).HasMaxLength(300);
        // The split is read and written whole, with the claim: one jsonb value, never queried inside.
        e.Property(c => c.Lines).HasColumnType("jsonb").HasConversion(
            lines => JsonSerializer.Serialize(lines, Json),
            text => JsonSerializer.Deserialize<List<InsuranceLine>>(text, Json) ?? new List<InsuranceLine>(),
            new ValueComparer<List<InsuranceLine>>((a, b) => a!.SequenceEqual(b!), l => l.Aggregate(0, (h, x) => HashCode.Combine(h, x)), l => l.ToList()));
        e.Property(c => c.Version).IsRowVersion();
        e.Ignore(c => c.InsuredFen);
    }
}
