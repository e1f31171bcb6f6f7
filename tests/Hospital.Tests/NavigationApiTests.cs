using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Hospital.Tests;

public sealed class NavigationApiTests(HospitalServiceFixture fixture) : IClassFixture<HospitalServiceFixture>
{
    /// <summary>Every department of the HIS simulator's seed (tests/Simulators/His/seed/catalog-departments.mjs).</summary>
    private static readonly string[] HisDepartmentCodes =
        ["nk", "wk", "ek", "fck", "yk", "ebhk", "kqk", "pfk", "zyk", "xxgnk", "hxnk", "xhnk", "sjnk", "nfmk", "sk", "zlk", "gk", "mnwk", "kfyxk", "jzk", "jyk", "fsk", "csk"];

    private HttpClient Client(string? role = null, string? subject = null)
    {
        var client = fixture.Service.CreateClient();
        if (role is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(role, subject));
        return client;
    }

    private async Task<JsonElement> Search(string q) =>
        await Client().GetFromJsonAsync<JsonElement>($"/api/hospital/navigation/places?q={Uri.EscapeDataString(q)}");

    [Fact]
    public async Task Searching_抽血_finds_the_blood_drawing_room_with_building_floor_and_room()
    {
        var results = await Search("抽血");
        var first = results[0];
        Assert.Equal("main-yjl-2-blood", first.GetProperty("id").GetString());
        Assert.Equal("门诊采血处", first.GetProperty("name").GetString());
        Assert.Equal("本部院区", first.GetProperty("campus").GetString());
        Assert.Equal("医技楼", first.GetProperty("building").GetString());
        Assert.Equal(2, first.GetProperty("floor").GetInt32());
        Assert.Matches(@"^2\d\d室$", first.GetProperty("room").GetString());
        Assert.Contains(results.EnumerateArray(), r => r.GetProperty("id").GetString() == "east-mzl-1-blood");
    }

    [Theory]
    [InlineData("心内科", "dept-xxgnk")]
    [InlineData("心血管内科", "dept-xxgnk")]
    [InlineData("取药", "main-mzl-1-pharmacy")]
    [InlineData("B超", "dept-csk")]
    [InlineData("神经内", "dept-sjnk")]
    public async Task Everyday_words_and_abbreviations_rank_the_right_place_first(string q, string expected)
    {
        var results = await Search(q);
        Assert.Equal(expected, results[0].GetProperty("id").GetString());
    }

    private const string WorkflowTestMap = "east-zyl-9";

    [Fact]
    public async Task Every_his_department_is_placed_on_a_drawn_floor_with_its_lifts_and_toilets()
    {
        var maps = await Client().GetFromJsonAsync<JsonElement>("/api/hospital/navigation/maps");
        var placed = new List<JsonElement>();
        // The seeded maps only: the workflow test below publishes a one-spot ward floor of its own into the same database.
        foreach (var map in maps.EnumerateArray().Where(m => m.GetProperty("code").GetString() != WorkflowTestMap))
        {
            var full = await Client().GetFromJsonAsync<JsonElement>($"/api/hospital/navigation/maps/{map.GetProperty("code").GetString()}");
            Assert.StartsWith("<svg", full.GetProperty("svg").GetString());
            var kinds = full.GetProperty("places").EnumerateArray().Select(p => p.GetProperty("kind").GetString()).ToHashSet();
            Assert.Contains("lift", kinds);
            Assert.Contains("toilet", kinds);
            placed.AddRange(full.GetProperty("places").EnumerateArray());
        }
        var departments = placed.Where(p => p.GetProperty("kind").GetString() == "department")
            .Select(p => p.GetProperty("departmentCode").GetString()).ToHashSet();
        Assert.All(HisDepartmentCodes, code => Assert.Contains(code, departments));
        var campusBuildings = maps.EnumerateArray().Select(m => $"{m.GetProperty("campus").GetString()}{m.GetProperty("building").GetString()}").Distinct().ToList();
        Assert.Contains("本部院区门诊楼", campusBuildings);
        Assert.Contains("光谷院区门诊楼", campusBuildings);
        foreach (var kind in new[] { "clinic", "lab", "pharmacy", "payment" })
            Assert.Contains(placed, p => p.GetProperty("kind").GetString() == kind);
    }

    [Fact]
    public async Task A_place_id_from_a_qr_code_resolves_to_its_map_and_spot()
    {
        var place = await Client().GetFromJsonAsync<JsonElement>("/api/hospital/navigation/places/dept-xxgnk");
        Assert.Equal("main-mzl-3", place.GetProperty("mapCode").GetString());
        Assert.True(place.GetProperty("x").GetDouble() > 0);

        var missing = await Client().GetAsync("/api/hospital/navigation/places/no-such-place");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var problem = await missing.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("not_found", problem.GetProperty("code").GetString());
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task An_overlong_query_is_a_chinese_400()
    {
        var response = await Client().GetAsync($"/api/hospital/navigation/places?q={new string('抽', 31)}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("validation_failed", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Staff_upload_a_drawing_place_a_point_and_it_is_live_only_after_a_second_staff_member_publishes()
    {
        var editor = Client("staff", Guid.NewGuid().ToString());
        var reviewer = Client("staff", Guid.NewGuid().ToString());
        var svg = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 300" onload="alert(1)"><script>alert(2)</script><rect x="10" y="10" width="100" height="80" fill="#eee" onclick="steal()"/><image href="https://evil.example/x.png"/></svg>""";
        Assert.Equal(HttpStatusCode.Forbidden, (await Client("patient").PostAsJsonAsync("/api/hospital/admin/navigation/drawings", new { svg })).StatusCode);
        var upload = await editor.PostAsJsonAsync("/api/hospital/admin/navigation/drawings", new { svg });
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var drawing = await upload.Content.ReadFromJsonAsync<JsonElement>();
        var stored = drawing.GetProperty("svg").GetString()!;
        Assert.DoesNotContain("script", stored);
        Assert.DoesNotContain("onload", stored);
        Assert.DoesNotContain("onclick", stored);
        Assert.DoesNotContain("evil.example", stored);

        var content = new
        {
            campus = "光谷院区", building = "住院楼", floor = 9, drawingId = drawing.GetProperty("id").GetGuid(),
            places = new[] { new { id = "east-zyl-9-nurse", name = "九病区护士站", kind = "service", room = "901室", departmentCode = (string?)null, keywords = "护士站 住院", x = 60.0, y = 50.0 } },
        };
        var draft = await editor.PostAsJsonAsync($"/api/hospital/admin/content/floor-map/{WorkflowTestMap}/revisions", new { content });
        Assert.Equal(HttpStatusCode.Created, draft.StatusCode);
        var revision = await draft.Content.ReadFromJsonAsync<JsonElement>();
        var number = revision.GetProperty("number").GetInt32();
        var submitted = await (await editor.PostAsJsonAsync($"/api/hospital/admin/content/floor-map/{WorkflowTestMap}/revisions/{number}/submit",
            new { version = revision.GetProperty("version").GetInt32() })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.NotFound, (await Client().GetAsync("/api/hospital/navigation/places/east-zyl-9-nurse")).StatusCode);

        var selfPublish = await editor.PostAsJsonAsync($"/api/hospital/admin/content/floor-map/east-zyl-9/revisions/{number}/publish",
            new { version = submitted.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.Forbidden, selfPublish.StatusCode);
        var published = await reviewer.PostAsJsonAsync($"/api/hospital/admin/content/floor-map/east-zyl-9/revisions/{number}/publish",
            new { version = submitted.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);

        var results = await Search("护士站");
        Assert.Equal("east-zyl-9-nurse", results[0].GetProperty("id").GetString());
        Assert.Equal("住院楼", results[0].GetProperty("building").GetString());
    }
}
