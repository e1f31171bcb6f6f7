using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Hospital.Tests;

/// <summary>Routes over the seeded floors' walkways (X07): the quickest path, stairs left out for accessible routes, lifts and
/// passages between floors and buildings, and walkways that cannot be saved or published.</summary>
public sealed class RouteApiTests(HospitalServiceFixture fixture) : IClassFixture<HospitalServiceFixture>
{
    private HttpClient Client(string? role = null)
    {
        var client = fixture.Service.CreateClient();
        if (role is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(role, Guid.NewGuid().ToString()));
        return client;
    }

    private async Task<JsonElement> Route(string from, string to, bool accessible = false)
    {
        var response = await Client().GetAsync($"/api/hospital/navigation/route?from={from}&to={to}&accessible={(accessible ? "true" : "false")}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement;
    }

    private static List<string> Steps(JsonElement route) => route.GetProperty("steps").EnumerateArray().Select(s => s.GetString()!).ToList();

    private static List<JsonElement> Legs(JsonElement route) => route.GetProperty("legs").EnumerateArray().ToList();

    [Fact]
    public async Task A_route_on_one_floor_is_one_polyline_from_door_to_door_with_a_distance_and_minutes()
    {
        var route = await Route("dept-wk", "main-mzl-3-toilet");
        var leg = Assert.Single(Legs(route));
        Assert.Equal("main-mzl-3", leg.GetProperty("mapCode").GetString());
        var points = leg.GetProperty("points").EnumerateArray().ToList();
        var from = route.GetProperty("from");
        var to = route.GetProperty("to");
        Assert.Equal(from.GetProperty("x").GetDouble(), points[0].GetProperty("x").GetDouble());
        Assert.Equal(to.GetProperty("y").GetDouble(), points[^1].GetProperty("y").GetDouble());
        Assert.InRange(route.GetProperty("distanceMeters").GetInt32(), 10, 150);
        Assert.InRange(route.GetProperty("walkingMinutes").GetInt32(), 1, 5);
        Assert.StartsWith("从外科出发", route.GetProperty("summary").GetString());
        // Out of the door (facing south, on the corridor's north side) and east along it: a left turn; the toilet is across.
        Assert.Matches("^从外科出发，出门左转约\\d+米，到达卫生间$", route.GetProperty("summary").GetString()!);
    }

    [Fact]
    public async Task The_quickest_route_takes_the_stairs_but_an_accessible_one_takes_the_lift_however_far()
    {
        // Both toilets sit at the east end, by the stairs; the lift is at the west end.
        var quick = await Route("main-mzl-1-toilet", "main-mzl-2-toilet");
        Assert.Equal("stairs", Legs(quick)[0].GetProperty("leaveBy").GetString());
        Assert.Contains(Steps(quick), s => s.Contains("走楼梯上到2楼"));

        var accessible = await Route("main-mzl-1-toilet", "main-mzl-2-toilet", accessible: true);
        Assert.True(accessible.GetProperty("accessible").GetBoolean());
        Assert.All(Legs(accessible).SkipLast(1), l => Assert.Equal("lift", l.GetProperty("leaveBy").GetString()));
        Assert.DoesNotContain(Steps(accessible), s => s.Contains("楼梯"));
        Assert.Contains("乘电梯到2楼", Steps(accessible));
        Assert.True(accessible.GetProperty("distanceMeters").GetInt32() > quick.GetProperty("distanceMeters").GetInt32());
    }

    [Fact]
    public async Task A_route_to_another_floor_rides_the_lift_and_draws_a_polyline_on_each_floor()
    {
        var route = await Route("main-mzl-1-service", "dept-xxgnk", accessible: true);
        var legs = Legs(route);
        Assert.Equal(["main-mzl-1", "main-mzl-3"], legs.Select(l => l.GetProperty("mapCode").GetString()));
        Assert.Equal("lift", legs[1].GetProperty("arriveBy").GetString());
        Assert.All(legs, l => Assert.True(l.GetProperty("points").GetArrayLength() >= 2));
        var steps = Steps(route);
        Assert.StartsWith("从门诊服务台出发", steps[0]);
        Assert.EndsWith("到电梯", steps[0]);
        Assert.Equal("乘电梯到3楼", steps[1]);
        Assert.StartsWith("出电梯后", steps[2]);
        Assert.EndsWith("到达心血管内科", steps[2]);
    }

    [Fact]
    public async Task A_route_to_another_building_goes_through_the_passage()
    {
        var route = await Route("main-mzl-1-payment", "main-yjl-2-blood", accessible: true);
        var codes = Legs(route).Select(l => l.GetProperty("mapCode").GetString()).ToList();
        Assert.Equal(["main-mzl-1", "main-yjl-1", "main-yjl-2"], codes);
        Assert.Contains(Steps(route), s => s == "经连廊到医技楼1楼");
    }

    [Fact]
    public async Task Unknown_places_missing_ends_and_other_campuses_are_chinese_problems()
    {
        var unknown = await Client().GetAsync("/api/hospital/navigation/route?from=dept-wk&to=no-such-place");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var problem = await unknown.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("place_not_found", problem.GetProperty("code").GetString());
        Assert.Contains("终点位置不存在", problem.GetProperty("detail").GetString());

        var missing = await Client().GetAsync("/api/hospital/navigation/route?from=dept-wk");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("请填写终点", await missing.Content.ReadAsStringAsync());

        var otherCampus = await Client().GetAsync("/api/hospital/navigation/route?from=dept-wk&to=dept-gk");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, otherCampus.StatusCode);
        var far = await otherCampus.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("no_route", far.GetProperty("code").GetString());
        Assert.Contains("乘车", far.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Every_seeded_place_is_reachable_from_the_campus_service_desk_without_stairs()
    {
        var maps = await Client().GetFromJsonAsync<JsonElement>("/api/hospital/navigation/maps");
        foreach (var summary in maps.EnumerateArray().Where(m => m.GetProperty("code").GetString() is "main-mzl-5" or "main-jzl-1" or "east-kfl-2"))
        {
            var map = await Client().GetFromJsonAsync<JsonElement>($"/api/hospital/navigation/maps/{summary.GetProperty("code").GetString()}");
            var start = map.GetProperty("campus").GetString() == "本部院区" ? "main-mzl-1-service" : "east-mzl-1-payment";
            foreach (var place in map.GetProperty("places").EnumerateArray())
                Assert.True((await Route(start, place.GetProperty("id").GetString()!, accessible: true)).GetProperty("walkingMinutes").GetInt32() >= 1);
        }
    }

    [Fact]
    public async Task A_walkway_with_a_corridor_to_nowhere_or_a_connector_that_leads_nowhere_is_refused_in_chinese()
    {
        var editor = Client("staff");
        var reviewer = Client("staff");
        var svg = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 300"><rect x="10" y="10" width="380" height="280" fill="#eee"/></svg>""";
        var drawing = await (await editor.PostAsJsonAsync("/api/hospital/admin/navigation/drawings", new { svg })).Content.ReadFromJsonAsync<JsonElement>();
        var drawingId = drawing.GetProperty("id").GetGuid();
        object Content(object[] nodes, object[] edges) => new
        {
            campus = "光谷院区", building = "门诊楼", floor = 7, drawingId,
            places = new[] { new { id = "east-mzl-7-desk", name = "七楼服务台", kind = "service", room = "701室", keywords = "", x = 60.0, y = 50.0, nodeId = "" } },
            nodes, edges,
        };

        var broken = await editor.PostAsJsonAsync("/api/hospital/admin/content/floor-map/east-mzl-7/revisions", new
        {
            content = Content([new { id = "a", x = 10.0, y = 10.0, connector = "lift", connectorKey = "" }], [new { from = "a", to = "nowhere" }]),
        });
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        var errors = (await broken.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").ToString();
        Assert.Contains("连到了不存在的节点", errors);
        Assert.Contains("须填写连接编号", errors);

        // Valid on its own, but this building's other floors have no lift with that key: a lift to nowhere.
        var dangling = Content(
            [new { id = "a", x = 60.0, y = 150.0, connector = "", connectorKey = "" }, new { id = "b", x = 300.0, y = 150.0, connector = "lift", connectorKey = "east-mzl-nowhere" }],
            [new { from = "a", to = "b" }]);
        var draft = await editor.PostAsJsonAsync("/api/hospital/admin/content/floor-map/east-mzl-7/revisions", new { content = dangling });
        Assert.Equal(HttpStatusCode.Created, draft.StatusCode);
        var revision = await draft.Content.ReadFromJsonAsync<JsonElement>();
        var number = revision.GetProperty("number").GetInt32();
        var submitted = await (await editor.PostAsJsonAsync($"/api/hospital/admin/content/floor-map/east-mzl-7/revisions/{number}/submit",
            new { version = revision.GetProperty("version").GetInt32() })).Content.ReadFromJsonAsync<JsonElement>();
        var publish = await reviewer.PostAsJsonAsync($"/api/hospital/admin/content/floor-map/east-mzl-7/revisions/{number}/publish",
            new { version = submitted.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.BadRequest, publish.StatusCode);
        Assert.Contains("在其他楼层找不到对应的连接点", await publish.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await Client().GetAsync("/api/hospital/navigation/places/east-mzl-7-desk")).StatusCode);
    }
}
