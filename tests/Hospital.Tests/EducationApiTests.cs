using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Hospital.Tests;

public sealed class EducationApiTests(HospitalServiceFixture fixture) : IClassFixture<HospitalServiceFixture>
{
    private HttpClient Client(string? role = null, string? subject = null)
    {
        var client = fixture.Service.CreateClient();
        if (role is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(role, subject));
        return client;
    }

    private async Task<List<string>> SearchTitles(string q)
    {
        var results = await Client().GetFromJsonAsync<JsonElement>($"/api/hospital/education/articles?q={Uri.EscapeDataString(q)}");
        return results.EnumerateArray().Select(r => r.GetProperty("title").GetString()!).ToList();
    }

    [Fact]
    public async Task Forty_articles_across_ten_specialties_are_published()
    {
        var specialties = await Client().GetFromJsonAsync<JsonElement>("/api/hospital/education/specialties");
        Assert.True(specialties.GetArrayLength() >= 10);
        Assert.True(specialties.EnumerateArray().Sum(s => s.GetProperty("articleCount").GetInt32()) >= 40);
        var cardiology = await Client().GetFromJsonAsync<JsonElement>("/api/hospital/education/articles?specialty=" + Uri.EscapeDataString("心血管内科"));
        Assert.All(cardiology.EnumerateArray(), a => Assert.Equal("心血管内科", a.GetProperty("specialty").GetString()));
    }

    [Fact]
    public async Task 高血压_finds_the_diet_article_and_ranks_title_hits_above_passing_mentions()
    {
        var titles = await SearchTitles("高血压");
        Assert.Equal("高血压患者的饮食", titles[0]);
        // Articles about high blood pressure come before one that mentions it in passing (白内障: "高血压、糖尿病患者…").
        Assert.Contains("控制高血压，预防脑卒中", titles.Take(4));
        Assert.Contains("在家怎样正确测血压", titles.Take(4));
        Assert.True(titles.IndexOf("白内障手术前后须知") is -1 or > 3);
        Assert.DoesNotContain("糖尿病足：每天看一看双脚", titles);
    }

    [Theory]
    [InlineData("高血压饮食", "高血压患者的饮食")]
    [InlineData("糖尿病 低血糖", "低血糖的识别与处理")]
    [InlineData("孩子发烧", "孩子发烧了，家长怎么办")]
    [InlineData("幽门螺杆菌", "幽门螺杆菌感染：要不要根除")]
    public async Task Chinese_queries_rank_the_most_relevant_article_first(string q, string expected)
    {
        Assert.Equal(expected, (await SearchTitles(q))[0]);
    }

    [Fact]
    public async Task A_query_matching_nothing_is_an_empty_list_and_an_overlong_one_a_chinese_400()
    {
        Assert.Empty(await SearchTitles("量子计算机"));
        var response = await Client().GetAsync($"/api/hospital/education/articles?q={new string('高', 41)}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("validation_failed", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Reads_are_counted_and_shown_with_publish_and_review_dates()
    {
        var before = await Client().GetFromJsonAsync<JsonElement>("/api/hospital/education/articles/copd-inhaler");
        Assert.True(before.GetProperty("publishedAt").GetDateTimeOffset() < before.GetProperty("reviewedAt").GetDateTimeOffset());
        var count = before.GetProperty("readCount").GetInt64();
        var tasks = Enumerable.Range(0, 5).Select(_ => Client().PostAsync("/api/hospital/education/articles/copd-inhaler/reads", null));
        foreach (var r in await Task.WhenAll(tasks)) Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var after = await Client().GetFromJsonAsync<JsonElement>("/api/hospital/education/articles/copd-inhaler");
        Assert.Equal(count + 5, after.GetProperty("readCount").GetInt64());
        Assert.Equal(HttpStatusCode.NotFound, (await Client().PostAsync("/api/hospital/education/articles/no-such/reads", null)).StatusCode);
    }

    [Fact]
    public async Task Articles_not_reviewed_within_the_period_are_flagged_to_staff_and_a_republish_clears_the_flag()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Client().GetAsync("/api/hospital/admin/education/articles")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Client("patient").GetAsync("/api/hospital/admin/education/articles")).StatusCode);
        var editor = Client("staff", Guid.NewGuid().ToString());
        var rows = await editor.GetFromJsonAsync<JsonElement>("/api/hospital/admin/education/articles");
        bool Stale(JsonElement list, string slug) => list.EnumerateArray().Single(a => a.GetProperty("slug").GetString() == slug).GetProperty("isStale").GetBoolean();
        Assert.True(Stale(rows, "atrial-fibrillation-anticoagulation")); // reviewed 400 days ago, period 365
        Assert.False(Stale(rows, "hypertension-diet"));                  // reviewed 30 days ago

        const string key = "atrial-fibrillation-anticoagulation";
        var item = await editor.GetFromJsonAsync<JsonElement>($"/api/hospital/admin/content/health-article/{key}");
        var content = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(item.GetProperty("published").GetRawText())!;
        content["body"] = JsonSerializer.SerializeToElement("## 复审\n抗凝治疗要点已按最新指南复核。<script>alert(1)</script><img src=x onerror=alert(2)>");
        var draft = await (await editor.PostAsJsonAsync($"/api/hospital/admin/content/health-article/{key}/revisions", new { content }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var number = draft.GetProperty("number").GetInt32();
        var submitted = await (await editor.PostAsJsonAsync($"/api/hospital/admin/content/health-article/{key}/revisions/{number}/submit",
            new { version = draft.GetProperty("version").GetInt32() })).Content.ReadFromJsonAsync<JsonElement>();
        var reviewer = Client("staff", Guid.NewGuid().ToString());
        var published = await reviewer.PostAsJsonAsync($"/api/hospital/admin/content/health-article/{key}/revisions/{number}/publish",
            new { version = submitted.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);

        Assert.False(Stale(await editor.GetFromJsonAsync<JsonElement>("/api/hospital/admin/education/articles"), key));
        var article = await Client().GetFromJsonAsync<JsonElement>($"/api/hospital/education/articles/{key}");
        var html = article.GetProperty("bodyHtml").GetString()!;
        Assert.Contains("最新指南", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
    }
}
