using Payment.API.Domain;

namespace Payment.API.Application;

public sealed record RefundDto(Guid Id, long AmountFen, string Status, string StatusText, string Reason, DateTimeOffset RequestedAt,
    DateTimeOffset? SucceededAt);

public sealed record OrderDto(Guid Id, string Kind, string KindText, Guid SourceId, Guid PatientId, string Description, long AmountFen,
    string Status, string StatusText, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? PaidAt, long RefundedFen,
    IReadOnlyList<RefundDto> Refunds)
{
    public static OrderDto From(PaymentOrder o, IReadOnlyCollection<Refund> refunds)
    {
        var (status, text) = OrderStatus.Shown(o, refunds);
        return new OrderDto(o.Id, o.Kind, OrderStatus.KindText(o.Kind), o.SourceId, o.PatientId, o.Description, o.AmountFen, status, text,
            o.CreatedAt, o.ExpiresAt, o.PaidAt, RefundedOf(o, refunds),
            refunds.OrderBy(r => r.RequestedAt).Select(RefundOf).ToList());
    }

    /// <summary>What has actually gone back (the order also counts refunds still under way, to never over-refund).</summary>
    private static long RefundedOf(PaymentOrder o, IReadOnlyCollection<Refund> refunds) =>
        refunds.Where(r => r.Status == RefundStatus.Succeeded).Sum(r => r.AmountFen);

    public static RefundDto RefundOf(Refund r) =>
        new(r.Id, r.AmountFen, RefundStatus.Shown(r.Status), RefundStatus.TextOf(r.Status), r.Reason, r.RequestedAt, r.SucceededAt);
}

public sealed record PayInstruction(string Method, object? Jsapi = null, string? CodeUrl = null);
