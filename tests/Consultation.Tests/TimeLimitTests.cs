using System.Net.Http.Json;
using Consultation.API.Application;
using Platform.Contracts.Consultation;
using Platform.Contracts.Payment;
using Platform.Testing;

namespace Consultation.Tests;

/// <summary>Time runs out: an unpaid consultation is cancelled and its payment withdrawn; a paid one nobody answered ends
/// by itself with the fee refunded.</summary>
public sealed class TimeLimitTests(ConsultationFixture f) : IClassFixture<ConsultationFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Unpaid_consultations_lapse_and_unanswered_ones_end_at_their_time_limit_with_a_refund()
    {
        var (patient, client) = f.NewPatient();
        async Task<ConsultationDto> Create() => (await (await client.PostAsJsonAsync("/api/consultation/consultations",
                new { patientId = patient, practitionerId = ConsultationFixture.Doctor, complaint = "咳嗽两周，夜间加重" }))
            .Content.ReadFromJsonAsync<ConsultationDto>())!;
        var unpaid = await Create();
        var unanswered = await Create();
        await f.PublishAsync(new PaymentSucceededIntegrationEvent(Guid.NewGuid(), patient, OrderKinds.Consultation, unanswered.Id, 2000, "图文咨询",
            DateTimeOffset.UtcNow));
        await Eventually.Until(() => client.GetFromJsonAsync<ConsultationDto>($"/api/consultation/consultations/{unanswered.Id}"),
            c => c!.Status == "waiting", Wait, "paid");

        f.Clock.Advance(TimeSpan.FromHours(1));
        var lapsed = await Eventually.Until(() => client.GetFromJsonAsync<ConsultationDto>($"/api/consultation/consultations/{unpaid.Id}"),
            c => c!.Status == "cancelled", Wait, "unpaid lapsed");
        Assert.Equal("timeout", lapsed!.EndedBy);
        await f.Published.UntilAsync<PaymentWithdrawnIntegrationEvent>(e => e.OrderId == unpaid.Id, Wait);
        Assert.Equal("waiting", (await client.GetFromJsonAsync<ConsultationDto>($"/api/consultation/consultations/{unanswered.Id}"))!.Status);

        f.Clock.Advance(TimeSpan.FromHours(48));
        var ended = await Eventually.Until(() => client.GetFromJsonAsync<ConsultationDto>($"/api/consultation/consultations/{unanswered.Id}"),
            c => c!.Status == "ended", Wait, "time limit");
        Assert.Equal("timeout", ended!.EndedBy);
        Assert.Contains("退回", ended.Summary);
        await f.Published.UntilAsync<RefundRequestedIntegrationEvent>(e => e.OrderId == unanswered.Id, Wait);
        await f.Published.UntilAsync<ConsultationEndedIntegrationEvent>(e => e.ConsultationId == unanswered.Id && e.EndedBy == "timeout", Wait);
        // Nobody took it: no visit for the HIS's record (its Ended event left in the same outbox transaction).
        Assert.DoesNotContain(f.Published.Of<ConsultationNoteForHisIntegrationEvent>(), e => e.ConsultationId == unanswered.Id);

        // Money for the lapsed consultation that still arrives goes back.
        await f.PublishAsync(new PaymentSucceededIntegrationEvent(Guid.NewGuid(), patient, OrderKinds.Consultation, unpaid.Id, 2000, "图文咨询",
            DateTimeOffset.UtcNow));
        await f.Published.UntilAsync<RefundRequestedIntegrationEvent>(e => e.OrderId == unpaid.Id, Wait);
    }
}
