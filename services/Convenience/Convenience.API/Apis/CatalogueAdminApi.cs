using System.Security.Claims;
using Convenience.API.Application;
using Convenience.API.Domain;
using Convenience.API.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;

namespace Convenience.API.Apis;

public sealed record ItemUpdate(string? Name, string? Description, long? PriceFen, int? MaxQuantity, string? MustShow, bool? Active);

public sealed record StockChange(int? Delta);

public sealed record WindowInput(string? Start, string? End, int? CapacityPerDay, bool? Active);

/// <summary>Staff keep the catalogue: prices, rules, stock (changed by a delta, so orders taken meanwhile are never lost)
/// and time windows.</summary>
public static class CatalogueAdminApi
{
    public static IEndpointRouteBuilder MapCatalogueAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/convenience/staff").WithTags("便民服务管理").RequireAuthorization(PlatformRoles.Staff);
        api.MapGet("/items", Items).WithName("StaffItems").WithSummary("全部服务（含下架）与各时段今日余量");
        api.MapPut("/items/{id:guid}", Update).WithName("UpdateItem").WithSummary("修改服务名称、价格、规则、上下架");
        api.MapPost("/items/{id:guid}/stock", Stock).WithName("ChangeStock").WithSummary("增减库存（delta，不能减到负数）");
        api.MapPost("/items/{id:guid}/windows", AddWindow).WithName("AddWindow").WithSummary("新增服务时段");
        api.MapPut("/windows/{id:guid}", UpdateWindow).WithName("UpdateWindow").WithSummary("修改服务时段（容量、启停）");
        return app;
    }

    public static async Task<Ok<List<ItemDto>>> Items(ConvenienceDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var today = ShanghaiTime.Today(clock.GetUtcNow());
        var items = await db.Items.AsNoTracking().Include(i => i.Windows).OrderBy(i => i.Category).ThenBy(i => i.Name).ToListAsync(ct);
        var booked = await db.WindowBookings.AsNoTracking().Where(b => b.Date == today).ToDictionaryAsync(b => b.WindowId, b => b.Booked, ct);
        return TypedResults.Ok(items.Select(i => ItemDto.From(i, booked, staff: true)).ToList());
    }

    public static async Task<Results<Ok<ItemDto>, NotFound>> Update(Guid id, ItemUpdate input, ConvenienceDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (input.Name is { } n && (n.Trim().Length is 0 or > 60)) errors["name"] = ["名称须为1-60个字"];
        if (input.Description is { Length: > 500 }) errors["description"] = ["说明不能超过500个字"];
        if (input.PriceFen is < 0 or > 10_000_000) errors["priceFen"] = ["价格须在0到10万元之间"];
        if (input.MaxQuantity is < 1 or > 100) errors["maxQuantity"] = ["每单数量上限须在1-100之间"];
        if (input.MustShow is { Length: > 200 }) errors["mustShow"] = ["出示要求不能超过200个字"];
        if (errors.Count > 0) throw ProblemException.Invalid(errors);
        var item = await db.Items.Include(i => i.Windows).SingleOrDefaultAsync(i => i.Id == id, ct);
        if (item is null) return TypedResults.NotFound();
        if (input.Name is { } name) item.Name = name.Trim();
        if (input.Description is { } description) item.Description = description.Trim();
        if (input.PriceFen is { } price) item.PriceFen = price;
        if (input.MaxQuantity is { } max) item.MaxQuantity = max;
        if (input.MustShow is { } mustShow) item.MustShow = string.IsNullOrWhiteSpace(mustShow) ? null : mustShow.Trim();
        if (input.Active is { } active) item.Active = active;
        item.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ItemDto.From(item, staff: true));
    }

    public static async Task<Results<Ok<ItemDto>, NotFound>> Stock(Guid id, StockChange input, ConvenienceDbContext db, CancellationToken ct)
    {
        if (input.Delta is not { } delta || delta == 0 || delta is < -10_000 or > 10_000)
            throw ProblemException.Invalid(new Dictionary<string, string[]> { ["delta"] = ["请填写库存变化量（-10000到10000之间的非0整数）"] });
        var item = await db.Items.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (item is null) return TypedResults.NotFound();
        var changed = await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE service_items SET stock = COALESCE(stock, 0) + {delta} WHERE id = {id} AND COALESCE(stock, 0) + {delta} >= 0", ct);
        if (changed == 0) throw ProblemException.Conflict("stock_negative", $"{item.Name}当前库存{item.Stock ?? 0}，不能减少{-delta}");
        var fresh = await db.Items.AsNoTracking().Include(i => i.Windows).SingleAsync(i => i.Id == id, ct);
        return TypedResults.Ok(ItemDto.From(fresh, staff: true));
    }

    public static async Task<Results<Ok<ItemDto>, NotFound>> AddWindow(Guid id, WindowInput input, ConvenienceDbContext db, CancellationToken ct)
    {
        var (start, end, capacity) = Validate(input);
        var item = await db.Items.Include(i => i.Windows).SingleOrDefaultAsync(i => i.Id == id, ct);
        if (item is null) return TypedResults.NotFound();
        var window = new ServiceWindow { ItemId = id, Start = start, End = end, CapacityPerDay = capacity, Active = input.Active ?? true };
        item.Windows.Add(window);
        db.Windows.Add(window);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ItemDto.From(item, staff: true));
    }

    public static async Task<Results<Ok<ItemDto>, NotFound>> UpdateWindow(Guid id, WindowInput input, ConvenienceDbContext db, CancellationToken ct)
    {
        var (start, end, capacity) = Validate(input);
        var window = await db.Windows.SingleOrDefaultAsync(w => w.Id == id, ct);
        if (window is null) return TypedResults.NotFound();
        (window.Start, window.End, window.CapacityPerDay) = (start, end, capacity);
        if (input.Active is { } active) window.Active = active;
        await db.SaveChangesAsync(ct);
        var item = await db.Items.AsNoTracking().Include(i => i.Windows).SingleAsync(i => i.Id == window.ItemId, ct);
        return TypedResults.Ok(ItemDto.From(item, staff: true));
    }

    private static (TimeOnly Start, TimeOnly End, int Capacity) Validate(WindowInput input)
    {
        var errors = new Dictionary<string, string[]>();
        if (!TimeOnly.TryParseExact(input.Start ?? "", "HH:mm", out var start)) errors["start"] = ["开始时间格式为 HH:mm"];
        if (!TimeOnly.TryParseExact(input.End ?? "", "HH:mm", out var end)) errors["end"] = ["结束时间格式为 HH:mm"];
        else if (end <= start) errors["end"] = ["结束时间须晚于开始时间"];
        if (input.CapacityPerDay is not (>= 1 and <= 1000)) errors["capacityPerDay"] = ["每日容量须在1-1000之间"];
        if (errors.Count > 0) throw ProblemException.Invalid(errors);
        return (start, end, input.CapacityPerDay!.Value);
    }
}
