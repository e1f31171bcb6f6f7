using System.Text.Json;
using Hospital.API.Application.Navigation;
using Hospital.API.Application.Publishing;
using Hospital.API.Domain.Navigation;
using Platform.Persistence;

namespace Hospital.API.Infrastructure.Seed.Navigation;

/// <summary>Draws the demo floors and publishes them through the workflow (as the system) when a floor has never been
/// published, or gives a floor it seeded before floors had walkways its walkway; never touches a floor staff have edited.</summary>
internal sealed class NavigationSeeder(ContentWorkflow workflow, TimeProvider clock) : ISeeder<HospitalDbContext>
{
    private static bool HasNoWalkway(string publishedBody) =>
        !JsonDocument.Parse(publishedBody).RootElement.TryGetProperty("nodes", out var nodes) || nodes.GetArrayLength() == 0;

    public async Task SeedAsync(HospitalDbContext db, CancellationToken ct)
    {
        foreach (var floor in DemoFloors.All)
        {
            var drawn = FloorPlanDrawer.Draw(floor);
            var clean = SvgSanitizer.Sanitize(drawn.Svg);
            var drawing = new MapDrawing
            {
                Svg = clean.Svg, Width = clean.Width, Height = clean.Height, UploadedBy = Guid.Empty, UploadedByName = "系统初始化",
                UploadedAt = clock.GetUtcNow(),
            };
            var document = new FloorMapDocument
            {
                Campus = floor.Campus, Building = floor.Building, Floor = floor.Floor, DrawingId = drawing.Id,
                Places = drawn.Rooms.Select(r => new PlaceDocument
                {
                    Id = r.Room.Id, Name = r.Room.Name, Kind = r.Room.Kind, Room = $"{r.Number}室", DepartmentCode = r.Room.DepartmentCode,
                    Keywords = r.Room.Keywords, X = r.X, Y = r.Y, NodeId = r.NodeId,
                }).ToList(),
                Nodes = drawn.Nodes.Select(n => new WalkwayNodeDocument
                {
                    Id = n.Id, X = n.X, Y = n.Y, Connector = n.Connector, ConnectorKey = n.ConnectorKey, Label = n.Label,
                }).ToList(),
                Edges = drawn.Edges.Select(e => new WalkwayEdgeDocument { From = e.From, To = e.To }).ToList(),
            };
            db.MapDrawings.Add(drawing);
            if (await workflow.SeedPublishedAsync(NavigationContent.Slug, floor.Code, document, ct)
                || await workflow.RefreshSeedAsync(NavigationContent.Slug, floor.Code, document, HasNoWalkway, ct))
                await db.SaveChangesAsync(ct);
            else db.MapDrawings.Remove(drawing);
        }
    }
}
