using Convenience.API.Domain;
using Convenience.API.Extensions;
using Convenience.API.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Contracts.Convenience;
using Platform.Contracts.Payment;
using Platform.Contracts.Staff;
using Platform.Messaging.Outbox;
using Platform.ServiceDefaults.Problems;

namespace Convenience.API.Application;

public sealed record CreateOrderRequest(
    Guid PatientId, string? ItemCode, int? Quantity, DateOnly? Date, Guid? WindowId, string? Note, ContactInput? Contact, bool? AcknowledgedMustShow);

/// <summary>Booking a catalogue service (R24) and paying for it (R38): the item's rules are checked, stock or the window
/// place is taken in the same transaction as the order and its payment request, so a refusal leaves nothing charged;
/// a service that cannot be provided is refunded and its place given back.</summary>
public sealed class ServiceOrders(
    ConvenienceDbContext db, Capacity capacity, Contacts contacts, IIntegrationEventOutbox outbox, IOptions<ConvenienceOptions> options,
    TimeProvider clock)
{
    public async Task<ServiceOrder> CreateAsync(Guid accountId, CreateOrderRequest request, CancellationToken ct)
    {
        var item = await db.Items.AsNoTracking().Include(i => i.Windows)
                       .SingleOrDefaultAsync(i => i.Code == (request.ItemCode ?? "") && i.Active, ct)
                   ?? throw new ProblemException(404, "item_unknown", "该服务不存在或已下架");
        var now = clock.GetUtcNow();
        var errors = new Dictionary<string, string[]>();
        var quantity = request.Quantity ?? 1;
        if (quantity < 1 || quantity > item.MaxQuantity) errors["quantity"] = [$"数量须在1到{item.MaxQuantity}{item.Unit}之间"];
        var note = request.Note?.Trim();
        if (note is { Length: > 200 }) errors["note"] = ["备注不能超过200个字"];
        if (item.MustShow is not null && request.AcknowledgedMustShow != true) errors["acknowledgedMustShow"] = [$"请确认：{item.MustShow}"];
        var window = ChooseWindow(item, request, now, errors);
        var order = new ServiceOrder
        {
            AccountId = accountId, PatientId = request.PatientId, ItemId = item.Id, ItemCode = item.Code, ItemName = item.Name,
            Provider = item.Provider, Quantity = quantity, AmountFen = item.PriceFen * quantity, ServiceDate = window is null ? null : request.Date,
            WindowId = window?.Id, WindowText = window?.Text, Note = string.IsNullOrEmpty(note) ? null : note, CreatedAt = now,
            PayBy = now + options.Value.PayWithin,
        };
        if (item.NeedsAddress) order.Contact = contacts.Seal(order.Id, request.Contact, errors);
        if (errors.Count > 0) throw ProblemException.Invalid(errors);
        if (item.InpatientOnly)
        {
            var inpatient = await db.Inpatients.AsNoTracking().SingleOrDefaultAsync(i => i.PatientId == request.PatientId, ct)
                            ?? throw new ProblemException(422, "not_inpatient", $"{item.Name}仅限住院患者预订，该就诊人当前不在院");
            order.Location = $"{inpatient.Ward} {inpatient.Bed}床";
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await capacity.TakeStockAsync(item, quantity, ct);
        if (window is not null) await capacity.TakeWindowAsync(item, window, request.Date!.Value, quantity, ct);
        db.Orders.Add(order);
        if (order.AmountFen > 0)
        {
            Move(order, ServiceOrderStatus.AwaitingPayment, null, now);
            outbox.Add(new PaymentRequestedIntegrationEvent(OrderKinds.Convenience, order.Id, accountId, order.PatientId, order.AmountFen,
                $"{item.Name}{(quantity > 1 ? $"×{quantity}" : "")}", order.PayBy));
        }
        else Move(order, ServiceOrderStatus.Paid, "免费服务，等待受理", now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return order;
    }

    private static ServiceWindow? ChooseWindow(ServiceItem item, CreateOrderRequest request, DateTimeOffset now, Dictionary<string, string[]> errors)
    {
        var windows = item.Windows.Where(w => w.Active).ToList();
        if (windows.Count == 0) return null;
        var today = ShanghaiTime.Today(now);
        if (request.Date is not { } date) { errors["date"] = ["请选择服务日期"]; return null; }
        if (date < today || date > today.AddDays(13)) { errors["date"] = ["只能预约今天起14天内的日期"]; return null; }
        var window = windows.SingleOrDefault(w => w.Id == request.WindowId);
        if (window is null) { errors["windowId"] = ["请选择服务时段"]; return null; }
        if (ShanghaiTime.At(date, window.End) <= now) { errors["windowId"] = ["该时段已过，请选择其他时段"]; return null; }
        return window;
    }

    public async Task PaidAsync(Guid orderId, DateTimeOffset paidAt, CancellationToken ct)
    {
        var order = await LoadAsync(orderId, ct);
        if (order is not { Status: ServiceOrderStatus.AwaitingPayment }) return;
        order.PaidAt = paidAt;
        Move(order, ServiceOrderStatus.Paid, "已支付，等待服务方受理", paidAt);
    }

    /// <summary>Payment closed the unpaid order (its deadline passed): the place goes back to other patients.</summary>
    public async Task PaymentClosedAsync(Guid orderId, CancellationToken ct)
    {
        var order = await LoadAsync(orderId, ct);
        if (order is not { Status: ServiceOrderStatus.AwaitingPayment }) return;
        await capacity.ReleaseAsync(order, stockToo: true, ct);
        Move(order, ServiceOrderStatus.Cancelled, "超时未支付，订单已取消", clock.GetUtcNow());
    }

    public async Task RefundedAsync(Guid orderId, CancellationToken ct)
    {
        var order = await LoadAsync(orderId, ct);
        if (order is not { Status: ServiceOrderStatus.Refunding }) return;
        Move(order, ServiceOrderStatus.Refunded, "退款已原路退回", clock.GetUtcNow());
    }

    public async Task<ServiceOrder> CancelByPatientAsync(ServiceOrder order, CancellationToken ct)
    {
        if (order.Status is not (ServiceOrderStatus.AwaitingPayment or ServiceOrderStatus.Paid))
            throw ProblemException.Conflict("not_cancellable", $"订单当前状态为“{ServiceOrderStatus.TextOf(order.Status)}”，不能取消，请联系服务方");
        await StopAsync(order, "患者取消", ct);
        await db.SaveChangesAsync(ct);
        return order;
    }

    /// <summary>The provider cannot give the service: an unpaid order is withdrawn, a paid one refunded in full.</summary>
    public async Task<ServiceOrder> DeclineAsync(Guid orderId, string staff, string? reason, CancellationToken ct)
    {
        var why = reason?.Trim();
        if (string.IsNullOrEmpty(why) || why.Length > 200)
            throw ProblemException.Invalid(new Dictionary<string, string[]> { ["reason"] = ["请填写无法提供服务的原因（200字以内）"] });
        var order = await RequireAsync(orderId, ct);
        if (order.Status is not (ServiceOrderStatus.AwaitingPayment or ServiceOrderStatus.Paid or ServiceOrderStatus.Accepted))
            throw ProblemException.Conflict("not_declinable", $"订单当前状态为“{ServiceOrderStatus.TextOf(order.Status)}”，不能退单");
        order.HandledBy = staff;
        await StopAsync(order, why, ct);
        await db.SaveChangesAsync(ct);
        return order;
    }

    private async Task StopAsync(ServiceOrder order, string reason, CancellationToken ct)
    {
        order.Reason = reason;
        await capacity.ReleaseAsync(order, stockToo: true, ct);
        var now = clock.GetUtcNow();
        if (order.Status == ServiceOrderStatus.AwaitingPayment)
        {
            outbox.Add(new PaymentWithdrawnIntegrationEvent(OrderKinds.Convenience, order.Id, reason));
            Move(order, ServiceOrderStatus.Cancelled, reason, now);
        }
        else if (order.AmountFen > 0)
        {
            outbox.Add(new RefundRequestedIntegrationEvent(OrderKinds.Convenience, order.Id, null, reason));
            Move(order, ServiceOrderStatus.Refunding, reason, now);
        }
        else Move(order, ServiceOrderStatus.Cancelled, reason, now);
    }

    public async Task<ServiceOrder> AcceptAsync(Guid orderId, string staff, string? note, CancellationToken ct)
    {
        var order = await RequireAsync(orderId, ct);
        Expect(order, ServiceOrderStatus.Paid, "受理");
        order.HandledBy = staff;
        Move(order, ServiceOrderStatus.Accepted, Trim(note) ?? $"{Providers.TextOf(order.Provider)}已受理", clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return order;
    }

    public async Task<ServiceOrder> ShipAsync(Guid orderId, string staff, string? trackingNo, CancellationToken ct)
    {
        var tracking = trackingNo?.Trim();
        if (string.IsNullOrEmpty(tracking) || tracking.Length > 40 || !tracking.All(char.IsLetterOrDigit))
            throw ProblemException.Invalid(new Dictionary<string, string[]> { ["trackingNo"] = ["请填写正确的快递单号（字母和数字）"] });
        var order = await RequireAsync(orderId, ct);
        if (order.Contact is null) throw ProblemException.Conflict("not_mailed", "该服务不需要邮寄");
        Expect(order, ServiceOrderStatus.Accepted, "寄出");
        order.TrackingNo = tracking;
        order.HandledBy = staff;
        Move(order, ServiceOrderStatus.Shipped, $"已寄出，快递单号 {tracking}", clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return order;
    }

    public async Task<ServiceOrder> CompleteAsync(Guid orderId, string staff, string? note, CancellationToken ct)
    {
        var order = await RequireAsync(orderId, ct);
        if (order.Status is not (ServiceOrderStatus.Accepted or ServiceOrderStatus.Shipped))
            throw ProblemException.Conflict("not_completable", $"订单当前状态为“{ServiceOrderStatus.TextOf(order.Status)}”，不能完成");
        if (order.HoldsCapacity)
        {
            order.HoldsCapacity = false;
            await capacity.ReturnStockAsync(order, ct);
        }
        order.HandledBy = staff;
        Move(order, ServiceOrderStatus.Completed, Trim(note) ?? "服务已完成", clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return order;
    }

    private static void Expect(ServiceOrder order, string status, string action)
    {
        if (order.Status != status)
            throw ProblemException.Conflict("wrong_status", $"订单当前状态为“{ServiceOrderStatus.TextOf(order.Status)}”，不能{action}");
    }

    private static string? Trim(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim()[..Math.Min(note.Trim().Length, 200)];

    private Task<ServiceOrder?> LoadAsync(Guid id, CancellationToken ct) => db.Orders.Include(o => o.Steps).SingleOrDefaultAsync(o => o.Id == id, ct);

    private async Task<ServiceOrder> RequireAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ?? throw ProblemException.NotFound("订单");

    private void Move(ServiceOrder order, string status, string? note, DateTimeOffset at)
    {
        order.Status = status;
        var step = new ServiceOrderStep { OrderId = order.Id, Status = status, Text = ServiceOrderStatus.TextOf(status), Note = note, At = at };
        order.Steps.Add(step);
        if (db.Entry(order).State != EntityState.Added) db.OrderSteps.Add(step);
        outbox.Add(new ServiceOrderStatusChangedIntegrationEvent(order.Id, order.PatientId, order.ItemName, status,
            ServiceOrderStatus.TextOf(status), note, at));
        outbox.Add(new StaffWorkChangedIntegrationEvent(StaffAreas.Convenience, order.Id));
    }
}
