using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Testing;

namespace Hospital.Tests;

public sealed class DepartmentsApiTests(HospitalServiceFixture fixture) : IClassFixture<HospitalServiceFixture>
{
    private HttpClient Client(string? role = null)
    {
        var client = fixture.Service.CreateClient();
        if (role is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(role));
        return client;
    }

    private async Task<JsonElement> Department(string code)
    {
        var all = await Client().GetFromJsonAsync<JsonElement>("/api/hospital/departments");
        return all.EnumerateArray().Single(d => d.GetProperty("code").GetString() == code);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Lists_the_seeded_departments_of_both_campuses_in_order()
    {
        var all = await Client().GetFromJsonAsync<JsonElement>("/api/hospital/departments");
        Assert.True(all.GetArrayLength() >= 20);
        Assert.Equal("内科", all[0].GetProperty("name").GetString());
        var campuses = all.EnumerateArray().Select(d => d.GetProperty("campus").GetString()).Distinct().ToList();
        Assert.Contains("本部院区", campuses);
        Assert.Contains("光谷院区", campuses);
    }

    [Fact]
    public async Task Unknown_department_is_a_chinese_problem_document()
    {
        var response = await Client().GetAsync($"/api/hospital/departments/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("not_found", problem.GetProperty("code").GetString());
        Assert.Equal("科室不存在", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Editing_needs_a_staff_token()
    {
        var dept = await Department("pfk");
        var url = $"/api/hospital/departments/{dept.GetProperty("id").GetGuid()}";
        var body = """{"name":"皮肤科","summary":"x","phone":"027-1234567","building":"门诊楼","floor":"3楼"}""";

        Assert.Equal(HttpStatusCode.Unauthorized, (await Client().PutAsync(url, Json(body))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Client("patient").PutAsync(url, Json(body))).StatusCode);

        var forged = Client();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            TestTokens.For("staff", signingKey: "an-attacker-key-that-is-long-enough-0123456789"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.PutAsync(url, Json(body))).StatusCode);

        var expired = Client();
        expired.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            TestTokens.For("staff", lifetime: TimeSpan.FromMinutes(-5)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await expired.PutAsync(url, Json(body))).StatusCode);

        Assert.Equal(dept.GetProperty("version").GetInt32(), (await Department("pfk")).GetProperty("version").GetInt32());
    }

    [Theory]
    [InlineData("""{"name":"","phone":"027-1"}""", "name")]
    [InlineData("""{"name":"<script>alert(1)</script>"}""", "name")]
    [InlineData("""{"name":"眼科","phone":"abc'; DROP TABLE departments;--"}""", "phone")]
    [InlineData("""{"name":"眼科眼科眼科眼科眼科眼科眼科眼科眼科眼科眼科眼科眼科眼科眼科眼科眼科眼科眼科眼科眼科眼科眼科眼科眼科眼科"}""", "name")]
    public async Task Bad_input_is_rejected_with_field_errors_and_changes_nothing(string body, string field)
    {
        var before = await Department("yk");
        var response = await Client("staff").PutAsync($"/api/hospital/departments/{before.GetProperty("id").GetGuid()}", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("validation_failed", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages));
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", messages[0].GetString());
        var after = await Department("yk");
        Assert.Equal(before.GetProperty("name").GetString(), after.GetProperty("name").GetString());
        Assert.Equal(before.GetProperty("version").GetInt32(), after.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Malformed_json_is_a_400_not_a_500()
    {
        var dept = await Department("ent");
        var response = await Client("staff").PutAsync($"/api/hospital/departments/{dept.GetProperty("id").GetGuid()}", Json("{\"name\": "));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("请求格式不正确", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_saved_edit_bumps_the_version_and_queues_one_event_in_the_outbox()
    {
        var dept = await Department("tcm");
        var outboxBefore = await fixture.Database.ScalarAsync("SELECT count(*) FROM outbox_messages");
        var response = await Client("staff").PutAsync($"/api/hospital/departments/{dept.GetProperty("id").GetGuid()}",
            Json($$"""{"name":"中医科","summary":"针灸、推拿与膏方调理","phone":"027-86002318","building":"门诊楼","floor":"4楼","version":{{dept.GetProperty("version").GetInt32()}}}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(dept.GetProperty("version").GetInt32() + 1, saved.GetProperty("version").GetInt32());
        Assert.Equal("针灸、推拿与膏方调理", saved.GetProperty("summary").GetString());
        Assert.Equal(outboxBefore + 1, await fixture.Database.ScalarAsync("SELECT count(*) FROM outbox_messages"));
    }

    [Fact]
    public async Task An_edit_based_on_a_stale_version_is_refused()
    {
        var dept = await Department("stomatology");
        var url = $"/api/hospital/departments/{dept.GetProperty("id").GetGuid()}";
        var stale = dept.GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await Client("staff").PutAsync(url, Json($$"""{"name":"口腔科","version":{{stale}}}"""))).StatusCode);

        var second = await Client("staff").PutAsync(url, Json($$"""{"name":"口腔医学科","version":{{stale}}}"""));
        Assert.Equal(HttpStatusCode.PreconditionFailed, second.StatusCode);
        Assert.Equal("口腔科", (await Department("stomatology")).GetProperty("name").GetString());
    }
}
