using System.Security.Claims;
using Convenience.API.Application;
using Convenience.API.Domain;
using Convenience.API.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;

namespace Convenience.API.Apis;

public sealed record HandleRequest(string? Note);

public sealed record ShipRequest(string? TrackingNo);

public sealed record DeclineRequest(string? Reason);

/// <summary>Each provider's inbox (the caregiver company, the decoction room, the record-copy office…): accept, post,
/// complete, or decline with a reason (the patient is refunded).</summary>
public static class FulfilmentApi
{
    public static IEndpointRouteBuilder MapFulfilmentApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/convenience/staff/orders").WithTags("服务履约").RequireAuthorization(PlatformRoles.Staff);
        api.MapGet("", Inbox).WithName("ProviderInbox").WithSummary("服务方订单（provider=服务方，status=状态；默认待处理）");
        api.MapGet("/{id:guid}/contact", Contact).WithName("OrderContact").WithSummary("邮寄联系人完整信息（留痕）");
        api.MapPost("/{id:guid}/accept", Accept).WithName("AcceptOrder").WithSummary("受理");
        api.MapPost("/{id:guid}/ship", Ship).WithName("ShipOrder").WithSummary("寄出并登记快递单号");
        api.MapPost("/{id:guid}/complete", Complete).WithName("CompleteOrder").WithSummary("完成（租借物品归还入库）");
        api.MapPost("/{id:guid}/decline", Decline).WithName("DeclineOrder").WithSummary("无法提供服务：退单并全额退款");
        return app;
    }

    public static async Task<Ok<List<OrderDto>>> Inbox(string? provider, string? status, ClaimsPrincipal user, Access access, ConvenienceDbContext db,
        Contacts contacts, CancellationToken ct)
    {
        if (provider is { Length: > 64 } || status is { Length: > 32 })
            throw new ProblemException(400, "invalid_filter", "服务方或状态筛选条件不正确");
        var query = db.Orders.AsNoTracking().Include(o => o.Steps).AsQueryable();
        if (!string.IsNullOrEmpty(provider)) query = query.Where(o => o.Provider == provider);
        query = string.IsNullOrEmpty(status)
            ? query.Where(o => o.Status == ServiceOrderStatus.Paid || o.Status == ServiceOrderStatus.Accepted || o.Status == ServiceOrderStatus.Shipped)
            : query.Where(o => o.Status == status);
        var list = await query.OrderBy(o => o.ServiceDate).ThenBy(o => o.CreatedAt).Take(200).ToListAsync(ct);
        access.AuditStaff(user, null, $"convenience:inbox:{provider}:{list.Count}");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(list.Select(o => OrderDto.From(o, contacts)).ToList());
    }

    public static async Task<Results<Ok<FullContactDto>, NotFound>> Contact(Guid id, ClaimsPrincipal user, Access access, ConvenienceDbContext db,
        Contacts contacts, CancellationToken ct)
    {
        var order = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);
        if (order?.Contact is null) return TypedResults.NotFound();
        access.AuditStaff(user, order.PatientId, $"convenience:contact:{id}");
        await db.SaveChangesAsync(ct);
        var (name, phone, address) = contacts.Open(order.Id, order.Contact);
        return TypedResults.Ok(new FullContactDto(name, phone, order.Contact.District, address));
    }

    public static async Task<Ok<OrderDto>> Accept(Guid id, HandleRequest? input, ClaimsPrincipal user, ServiceOrders orders, Contacts contacts,
        CancellationToken ct) => TypedResults.Ok(OrderDto.From(await orders.AcceptAsync(id, Access.StaffName(user), input?.Note, ct), contacts));

    public static async Task<Ok<OrderDto>> Ship(Guid id, ShipRequest input, ClaimsPrincipal user, ServiceOrders orders, Contacts contacts,
        CancellationToken ct) => TypedResults.Ok(OrderDto.From(await orders.ShipAsync(id, Access.StaffName(user), input.TrackingNo, ct), contacts));

    public static async Task<Ok<OrderDto>> Complete(Guid id, HandleRequest? input, ClaimsPrincipal user, ServiceOrders orders, Contacts contacts,
        CancellationToken ct) => TypedResults.Ok(OrderDto.From(await orders.CompleteAsync(id, Access.StaffName(user), input?.Note, ct), contacts));

    public static async Task<Ok<OrderDto>> Decline(Guid id, DeclineRequest input, ClaimsPrincipal user, ServiceOrders orders, Contacts contacts,
        CancellationToken ct) => TypedResults.Ok(OrderDto.From(await orders.DeclineAsync(id, Access.StaffName(user), input.Reason, ct), contacts));
}
