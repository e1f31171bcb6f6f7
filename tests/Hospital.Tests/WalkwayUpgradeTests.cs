using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hospital.API.Domain.Navigation;
using Hospital.API.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Persistence;

namespace Hospital.Tests;

/// <summary>A database seeded before floors had walkways: at the next start-up the seeder republishes the floors only the
/// system ever wrote, with their walkways, so routes work on stacks that were already running.</summary>
public sealed class WalkwayUpgradeTests(HospitalServiceFixture fixture) : IClassFixture<HospitalServiceFixture>
{
    [Fact]
    public async Task Floors_seeded_without_a_walkway_get_one_at_the_next_seeding()
    {
        await using (var scope = fixture.Service.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HospitalDbContext>();
            // Make main-mzl-2 look as the earlier release seeded it: no nodes, no edges, places without a node.
            var item = await db.ContentItems.SingleAsync(i => i.ContentType == "floor-map" && i.Key == "main-mzl-2");
            var body = JsonNode.Parse(item.PublishedBody!)!.AsObject();
            body.Remove("nodes");
            body.Remove("edges");
            item.PublishedBody = body.ToJsonString();
            var map = await db.FloorMaps.Include(m => m.Places).SingleAsync(m => m.Code == "main-mzl-2");
            map.Walkway = Walkway.Empty;
            map.Places.ForEach(p => p.NodeId = null);
            await db.SaveChangesAsync();
        }
        var client = fixture.Service.CreateClient();
        var before = await client.GetAsync("/api/hospital/navigation/route?from=main-mzl-1-service&to=dept-nk");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, before.StatusCode);
        Assert.Contains("尚未绘制通道", await before.Content.ReadAsStringAsync());

        await using (var scope = fixture.Service.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HospitalDbContext>();
            foreach (var seeder in scope.ServiceProvider.GetServices<ISeeder<HospitalDbContext>>()) await seeder.SeedAsync(db, CancellationToken.None);
            Assert.Equal(2, await db.ContentItems.Where(i => i.ContentType == "floor-map" && i.Key == "main-mzl-2").Select(i => i.LastRevisionNumber).SingleAsync());
            // Floors that already had their walkway are left alone.
            Assert.Equal(1, await db.ContentItems.Where(i => i.ContentType == "floor-map" && i.Key == "main-mzl-3").Select(i => i.LastRevisionNumber).SingleAsync());
        }
        var after = await client.GetFromJsonAsync<JsonElement>("/api/hospital/navigation/route?from=main-mzl-1-service&to=dept-nk&accessible=true");
        Assert.EndsWith("到达内科", after.GetProperty("summary").GetString());
    }
}
