using Hospital.API.Application.Navigation;
using Hospital.API.Domain.Navigation;
using Microsoft.EntityFrameworkCore;
using Platform.Persistence;

namespace Hospital.API.Infrastructure.Seed.Navigation;

/// <summary>Draws and places the demo floors when a floor has no map yet; never touches a floor staff have drawn.</summary>
internal sealed class NavigationSeeder(TimeProvider clock) : ISeeder<HospitalDbContext>
{
    public async Task SeedAsync(HospitalDbContext db, CancellationToken ct)
    {
        var existingMaps = await db.FloorMaps.Select(m => m.Code).ToHashSetAsync(ct);
        var existingPlaces = await db.MapPlaces.Select(p => p.Id).ToHashSetAsync(ct);
        var now = clock.GetUtcNow();
        var order = 0;
        foreach (var floor in DemoFloors.All)
        {
            order++;
            if (existingMaps.Contains(floor.Code)) continue;
            var drawn = FloorPlanDrawer.Draw(floor);
            var clean = SvgSanitizer.Sanitize(drawn.Svg);
            var map = new FloorMap
            {
                Code = floor.Code, Campus = floor.Campus, Building = floor.Building, Floor = floor.Floor, Svg = clean.Svg,
                Width = clean.Width, Height = clean.Height, SortOrder = order, UpdatedAt = now,
            };
            db.FloorMaps.Add(map);
            foreach (var (room, number, x, y) in drawn.Rooms.Where(r => !existingPlaces.Contains(r.Room.Id)))
            {
                db.MapPlaces.Add(new MapPlace
                {
                    Id = room.Id, FloorMapId = map.Id, Name = room.Name, Kind = room.Kind, Room = $"{number}室",
                    DepartmentCode = room.DepartmentCode, Keywords = room.Keywords, X = x, Y = y, UpdatedAt = now,
                });
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
