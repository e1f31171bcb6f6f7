using Hospital.API.Application.Publishing;
using Hospital.API.Domain.Navigation;
using Hospital.API.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Problems;

namespace Hospital.API.Application.Navigation;

/// <summary>Publishing a floor map puts its drawing and places where patients search and look. Place ids stay stable:
/// a place moved to another floor keeps its id (and every link to it).</summary>
public sealed class FloorMapPublishedHandler(HospitalDbContext db, TimeProvider clock) : IContentPublishedHandler<FloorMapDocument>
{
    public async Task OnPublishedAsync(string key, FloorMapDocument document, CancellationToken ct)
    {
        var drawing = db.MapDrawings.Local.FirstOrDefault(d => d.Id == document.DrawingId)
            ?? await db.MapDrawings.AsNoTracking().FirstOrDefaultAsync(d => d.Id == document.DrawingId, ct)
            ?? throw Invalid("drawingId", "楼层图不存在，请重新上传");
        if (document.Places.Any(p => p.X > drawing.Width || p.Y > drawing.Height))
            throw Invalid("places", "有位置点落在楼层图范围之外");
        var now = clock.GetUtcNow();
        var map = await db.FloorMaps.Include(m => m.Places).FirstOrDefaultAsync(m => m.Code == key, ct);
        if (map is null)
        {
            var order = await db.FloorMaps.Select(m => (int?)m.SortOrder).MaxAsync(ct) ?? 0;
            map = new FloorMap
            {
                Code = key, Campus = document.Campus, Building = document.Building, Floor = document.Floor, Svg = drawing.Svg,
                Width = drawing.Width, Height = drawing.Height, SortOrder = order + 1, UpdatedAt = now,
            };
            db.FloorMaps.Add(map);
        }
        else
        {
            map.Campus = document.Campus;
            map.Building = document.Building;
            map.Floor = document.Floor;
            map.ReplaceDrawing(drawing.Svg, drawing.Width, drawing.Height, now);
        }

        var ids = document.Places.Select(p => p.Id).ToList();
        var elsewhere = await db.MapPlaces.Where(p => ids.Contains(p.Id) && p.FloorMapId != map.Id).ToDictionaryAsync(p => p.Id, ct);
        foreach (var gone in map.Places.Where(p => !ids.Contains(p.Id)).ToList()) db.MapPlaces.Remove(gone);
        foreach (var p in document.Places)
        {
            var place = map.Places.FirstOrDefault(x => x.Id == p.Id) ?? elsewhere.GetValueOrDefault(p.Id);
            if (place is null)
            {
                place = new MapPlace { Id = p.Id, FloorMapId = map.Id, Name = p.Name, Kind = p.Kind, UpdatedAt = now };
                db.MapPlaces.Add(place);
            }
            place.FloorMapId = map.Id;
            place.Name = p.Name.Trim();
            place.Kind = p.Kind;
            place.Room = p.Room.Trim();
            place.DepartmentCode = string.IsNullOrWhiteSpace(p.DepartmentCode) ? null : p.DepartmentCode.Trim();
            place.Keywords = p.Keywords.Trim();
            place.X = p.X;
            place.Y = p.Y;
            place.UpdatedAt = now;
        }
    }

    private static ProblemException Invalid(string field, string message) =>
        ProblemException.Invalid(new Dictionary<string, string[]> { [field] = [message] });
}
