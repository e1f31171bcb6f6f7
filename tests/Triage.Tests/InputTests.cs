using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Triage.Tests;

/// <summary>Unknown body parts are 全身, never refused; hostile or very long text gets a clear Chinese answer, never a 500.</summary>
public sealed class InputTests(TriageFixture fixture) : IClassFixture<TriageFixture>
{
    [Theory]
    [InlineData("尾巴")]
    [InlineData("<script>")]
    [InlineData("")]
    [InlineData(null)]
    public async Task An_unknown_body_part_is_treated_as_the_whole_body(string? bodyPart)
    {
        var answer = await fixture.AssessAsync(40, "M", bodyPart, "发烧三天，全身酸痛");

        Assert.Equal("全身", answer.BodyPart);
        Assert.NotEmpty(answer.Departments);
    }

    [Fact]
    public async Task Nothing_recognised_still_answers_internal_medicine_with_a_reason()
    {
        var answer = await fixture.AssessAsync(40, "M", "全身", "我也说不清楚哪里怪怪的");

        Assert.Equal("内科", answer.Departments[0].Name);
        Assert.Contains(answer.Departments[0].Reasons, r => r.Contains("未能识别"));
    }

    [Theory]
    [InlineData("X", "全身")]
    [InlineData("M", "胸部胸部胸部胸部胸部胸部胸部胸部胸部胸部胸部")]
    public async Task An_unknown_sex_or_an_overlong_body_part_is_refused(string sex, string bodyPart)
    {
        var response = await fixture.Client.PostAsJsonAsync("/api/triage/assessments", new { age = 40, sex, bodyPart, complaint = "发烧" });

        await AssertProblem(response, HttpStatusCode.BadRequest, "validation_failed", "提交的信息有误");
    }

    [Fact]
    public async Task A_complaint_over_the_limit_gets_a_clear_problem()
    {
        var response = await fixture.Client.PostAsJsonAsync("/api/triage/assessments",
            new { age = 40, sex = "M", bodyPart = "胸部", complaint = string.Concat(Enumerable.Repeat("胸口疼", 200)) });

        await AssertProblem(response, HttpStatusCode.BadRequest, "complaint_too_long", "500");
    }

    [Theory]
    [InlineData("<script>alert(1)</script>头疼")]
    [InlineData("'; DROP TABLE symptoms; --")]
    [InlineData("🤒🤕😷 头疼 🤮")]
    [InlineData("头\u0007疼\u001b[31m")]
    [InlineData("　　ＨＥＡＤ　头疼！！！？？？……")]
    [InlineData("疼疼疼疼疼疼疼疼疼疼疼疼疼疼疼疼疼疼疼疼疼疼疼疼疼疼疼疼疼疼疼疼疼疼疼疼疼疼疼疼疼疼疼疼疼疼疼疼疼疼疼疼疼疼疼疼疼疼疼")]
    [InlineData("不不不不不不没没没没无无无")]
    public async Task Hostile_text_is_answered_not_crashed_on(string complaint)
    {
        var response = await fixture.Client.PostAsJsonAsync("/api/triage/assessments", new { age = 40, sex = "M", bodyPart = "头部", complaint });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>", body);
    }

    [Fact]
    public async Task The_longest_allowed_complaint_of_mixed_text_is_answered()
    {
        var complaint = string.Concat(Enumerable.Repeat("头疼,没有发烧；肚子…疼*", 50))[..500];
        var answer = await fixture.AssessAsync(40, "M", "腹部", complaint);

        Assert.NotEmpty(answer.Departments);
    }

    [Fact]
    public async Task Nothing_to_assess_is_a_clear_problem()
    {
        var response = await fixture.Client.PostAsJsonAsync("/api/triage/assessments", new { age = 40 });

        await AssertProblem(response, HttpStatusCode.BadRequest, "complaint_required", "症状");
    }

    [Fact]
    public async Task An_impossible_age_is_a_validation_problem()
    {
        var response = await fixture.Client.PostAsJsonAsync("/api/triage/assessments", new { age = 300, complaint = "头疼" });

        await AssertProblem(response, HttpStatusCode.BadRequest, "validation_failed", null);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("{\"age\":\"老了\",\"complaint\":\"头疼\"}")]
    [InlineData("{\"complaint\":[1,2,3]}")]
    [InlineData("{\"complaint\":\"头疼\",\"answers\":{\"x\":\"maybe\"}}")]
    public async Task A_malformed_body_is_a_problem_not_a_500(string json)
    {
        var response = await fixture.Client.PostAsync("/api/triage/assessments", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Body_parts_are_the_body_map_regions_in_order_with_their_symptoms()
    {
        var parts = await fixture.Client.GetFromJsonAsync<List<JsonElement>>("/api/triage/body-parts");

        var names = parts!.Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(["头部", "眼部", "耳部", "鼻部", "口腔", "颈部", "胸部", "乳房", "腹部", "腰部", "背部", "肩部", "上肢", "髋部", "膝部",
            "下肢", "足部", "会阴部", "肛门", "皮肤", "全身"], names);
        Assert.All(parts!, p => Assert.NotEmpty(p.GetProperty("symptoms").EnumerateArray()));
    }

    [Fact]
    public async Task Symptom_suggestions_follow_the_body_part()
    {
        var chest = await fixture.Client.GetFromJsonAsync<List<JsonElement>>("/api/triage/symptoms?bodyPart=胸部");
        var unknown = await fixture.Client.GetFromJsonAsync<List<JsonElement>>("/api/triage/symptoms?bodyPart=尾巴");

        Assert.Contains(chest!, s => s.GetProperty("name").GetString() == "胸痛");
        Assert.Contains(unknown!, s => s.GetProperty("name").GetString() == "发热");
    }

    private static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status, string code, string? detailContains)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        var detail = problem.GetProperty("detail").GetString() ?? "";
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", detail);
        if (detailContains is not null) Assert.Contains(detailContains, detail);
    }
}
