using System.Security.Claims;
using Convenience.API.Application;
using Convenience.API.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Auth;

namespace Convenience.API.Apis;

/// <summary>便民服务 (R24, R38) for patients: the catalogue with today's places, booking, paying (through Payment),
/// following and cancelling orders for oneself or an authorised family member.</summary>
public static class CatalogueApi
{
    public static IEndpointRouteBuilder MapCatalogueApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/convenience/items", Items).WithTags("便民服务").AllowAnonymous()
            .WithName("ConvenienceItems").WithSummary("服务目录（date=yyyy-MM-dd 时给出各时段余量）");
        var api = app.MapGroup("/api/convenience").WithTags("便民服务").RequireAuthorization(PlatformRoles.Patient);
        api.MapPost("/orders", Create).WithName("CreateServiceOrder").WithSummary("预订服务（库存或时段不足时不收费），生成支付订单");
        api.MapGet("/patients/{patientId:guid}/orders", Mine).WithName("MyServiceOrders").WithSummary("就诊人的服务订单");
        api.MapGet("/patients/{patientId:guid}/orders/{id:guid}", One).WithName("MyServiceOrder").WithSummary("一个服务订单及进度");
        api.MapPost("/patients/{patientId:guid}/orders/{id:guid}/cancel", Cancel).WithName("CancelServiceOrder")
            .WithSummary("取消订单（未支付则关闭，已支付未受理则全额退款）");
        return app;
    }

    public static async Task<Ok<List<ItemDto>>> Items(DateOnly? date, ConvenienceDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var day = date ?? ShanghaiTime.Today(clock.GetUtcNow());
        var items = await db.Items.AsNoTracking().Include(i => i.Windows).Where(i => i.Active).OrderBy(i => i.Category).ThenBy(i => i.Name).ToListAsync(ct);
        var booked = await db.WindowBookings.AsNoTracking().Where(b => b.Date == day).ToDictionaryAsync(b => b.WindowId, b => b.Booked, ct);
        return TypedResults.Ok(items.Select(i => ItemDto.From(i, booked)).ToList());
    }

    public static async Task<Ok<OrderDto>> Create(CreateOrderRequest request, ClaimsPrincipal user, Access access, ServiceOrders orders,
        Contacts contacts, CancellationToken ct)
    {
        var account = await access.RequireActsForAsync(user, request.PatientId, "convenience:order", ct);
        return TypedResults.Ok(OrderDto.From(await orders.CreateAsync(account, request, ct), contacts));
    }

    public static async Task<Ok<List<OrderDto>>> Mine(Guid patientId, ClaimsPrincipal user, Access access, ConvenienceDbContext db, Contacts contacts,
        CancellationToken ct)
    {
        await access.RequireActsForAsync(user, patientId, "convenience:orders", ct);
        var list = await db.Orders.AsNoTracking().Include(o => o.Steps).Where(o => o.PatientId == patientId)
            .OrderByDescending(o => o.CreatedAt).Take(100).ToListAsync(ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(list.Select(o => OrderDto.From(o, contacts)).ToList());
    }

    public static async Task<Results<Ok<OrderDto>, NotFound>> One(Guid patientId, Guid id, ClaimsPrincipal user, Access access, ConvenienceDbContext db,
        Contacts contacts, CancellationToken ct)
    {
        await access.RequireActsForAsync(user, patientId, $"convenience:order:{id}", ct);
        var order = await db.Orders.AsNoTracking().Include(o => o.Steps).SingleOrDefaultAsync(o => o.Id == id && o.PatientId == patientId, ct);
        await db.SaveChangesAsync(ct);
        return order is null ? TypedResults.NotFound() : TypedResults.Ok(OrderDto.From(order, contacts));
    }

    public static async Task<Results<Ok<OrderDto>, NotFound>> Cancel(Guid patientId, Guid id, ClaimsPrincipal user, Access access,
        ConvenienceDbContext db, ServiceOrders orders, Contacts contacts, CancellationToken ct)
    {
        await access.RequireActsForAsync(user, patientId, $"convenience:cancel:{id}", ct);
        var order = await db.Orders.Include(o => o.Steps).SingleOrDefaultAsync(o => o.Id == id && o.PatientId == patientId, ct);
        if (order is null) return TypedResults.NotFound();
        return TypedResults.Ok(OrderDto.From(await orders.CancelByPatientAsync(order, ct), contacts));
    }
}
