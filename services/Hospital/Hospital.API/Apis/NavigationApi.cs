using System.Security.Claims;
using Hospital.API.Application.Navigation;
using Hospital.API.Application.Publishing;
using Hospital.API.Domain.Navigation;
using Hospital.API.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;

namespace Hospital.API.Apis;

public static class NavigationApi
{
    public static IEndpointRouteBuilder MapNavigationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/hospital/navigation").WithTags("院内导航");
        api.MapGet("/maps", ListMaps).WithName("ListFloorMaps").WithSummary("各院区楼宇楼层图目录");
        api.MapGet("/maps/{code}", GetMap).WithName("GetFloorMap").WithSummary("楼层图（SVG）及其上的位置");
        api.MapGet("/places", SearchPlaces).WithName("SearchPlaces").WithSummary("搜索科室、诊室、检查、药房、收费、电梯、卫生间");
        api.MapGet("/places/{id}", GetPlace).WithName("GetPlace").WithSummary("按稳定编号查位置（二维码、其他功能的“带我去”链接）");
        api.MapGet("/route", Route).WithName("PlanRoute").WithSummary("两个位置之间的步行路线（每层折线、语音式步骤、距离与步行分钟；accessible=true 避开楼梯和扶梯）");
        var staff = app.MapGroup("/api/hospital/admin/navigation").WithTags("院内导航").RequireAuthorization(PlatformRoles.Staff);
        staff.MapPost("/drawings", UploadDrawing).WithName("UploadMapDrawing").WithSummary("上传楼层图 SVG（清洗脚本、事件与外部引用）");
        staff.MapGet("/drawings/{id:guid}", GetDrawing).WithName("GetMapDrawing").WithSummary("已上传的楼层图（审核预览用）");
        return app;
    }

    public sealed record DrawingUpload(string? Svg);

    public sealed record DrawingDto(Guid Id, double Width, double Height, string Svg);

    public static async Task<Created<DrawingDto>> UploadDrawing(DrawingUpload upload, ClaimsPrincipal user, HospitalDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        var clean = SvgSanitizer.Sanitize(upload.Svg);
        var actor = StaffActor.From(user);
        var drawing = new MapDrawing
        {
            Svg = clean.Svg, Width = clean.Width, Height = clean.Height, UploadedBy = actor.Id, UploadedByName = actor.Name,
            UploadedAt = clock.GetUtcNow(),
        };
        db.MapDrawings.Add(drawing);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/hospital/admin/navigation/drawings/{drawing.Id}", new DrawingDto(drawing.Id, drawing.Width, drawing.Height, drawing.Svg));
    }

    public static async Task<Ok<DrawingDto>> GetDrawing(Guid id, HospitalDbContext db, CancellationToken ct)
    {
        var d = await db.MapDrawings.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw ProblemException.NotFound("楼层图");
        return TypedResults.Ok(new DrawingDto(d.Id, d.Width, d.Height, d.Svg));
    }

    public static async Task<Ok<List<FloorMapSummaryDto>>> ListMaps(HospitalDbContext db, CancellationToken ct)
    {
        var maps = await db.FloorMaps.AsNoTracking()
            .OrderBy(m => m.SortOrder).ThenBy(m => m.Floor)
            .Select(m => new { m.Code, m.Campus, m.Building, m.Floor, Places = m.Places.Count })
            .ToListAsync(ct);
        return TypedResults.Ok(maps.Select(m => new FloorMapSummaryDto(m.Code, m.Campus, m.Building, m.Floor,
            m.Floor < 0 ? $"B{-m.Floor}" : $"{m.Floor}F", m.Places)).ToList());
    }

    public static async Task<Ok<FloorMapDto>> GetMap(string code, HospitalDbContext db, CancellationToken ct)
    {
        var map = await db.FloorMaps.AsNoTracking().Include(m => m.Places).FirstOrDefaultAsync(m => m.Code == code, ct)
            ?? throw ProblemException.NotFound("楼层图");
        return TypedResults.Ok(FloorMapDto.From(map));
    }

    public static async Task<Ok<List<PlaceDto>>> SearchPlaces(string? q, HospitalDbContext db, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(q)) return TypedResults.Ok(new List<PlaceDto>());
        if (q.Length > PlaceSearch.MaxQueryLength)
            throw ProblemException.Invalid(new Dictionary<string, string[]> { ["q"] = [$"搜索内容不能超过 {PlaceSearch.MaxQueryLength} 个字"] });
        var places = await db.MapPlaces.AsNoTracking().Include(p => p.FloorMap).ToListAsync(ct);
        return TypedResults.Ok(PlaceSearch.Rank(q, places.Select(p => (p, p.FloorMap!))).ToList());
    }

    public static async Task<Ok<RouteDto>> Route(string? from, string? to, bool? accessible, RoutePlanner planner, CancellationToken ct) =>
        TypedResults.Ok(await planner.PlanAsync(from, to, accessible ?? false, ct));

    public static async Task<Ok<PlaceDto>> GetPlace(string id, HospitalDbContext db, CancellationToken ct)
    {
        var place = await db.MapPlaces.AsNoTracking().Include(p => p.FloorMap).FirstOrDefaultAsync(p => p.Id == id, ct)
            ?? throw ProblemException.NotFound("该位置");
        return TypedResults.Ok(PlaceDto.From(place, place.FloorMap!));
    }
}
