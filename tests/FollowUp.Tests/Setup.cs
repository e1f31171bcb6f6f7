using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace FollowUp.Tests;

/// <summary>What staff set up in the admin console before patients arrive, each test with its own names.</summary>
public static class Setup
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    public static string Unique(string prefix) => $"{prefix}{Guid.NewGuid().ToString("N")[..6]}";

    public static string Phone() => "139" + Random.Shared.Next(10_000_000, 99_999_999);

    public static async Task<JsonElement> OkJson(this Task<HttpResponseMessage> call, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected) throw new Xunit.Sdk.XunitException($"expected {expected}, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> ProblemAsync(this Task<HttpResponseMessage> call, HttpStatusCode expected)
    {
        var response = await call;
        Xunit.Assert.Equal(expected, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Xunit.Assert.False(string.IsNullOrEmpty(problem.GetProperty("code").GetString()));
        return problem;
    }

    public static Task<JsonElement> ContactAsync(HttpClient staff, string group, string name, string phone) =>
        staff.PostAsJsonAsync("/api/followup/admin/contacts", new { group, name, phone }).OkJson();

    /// <summary>A satisfaction survey: a 5-star rating (required), a single choice, a multiple choice, NPS and free text.</summary>
    public static Task<JsonElement> SatisfactionSurveyAsync(HttpClient staff, string department, string purpose = "satisfaction") =>
        staff.PostAsJsonAsync("/api/followup/admin/questionnaires", new
        {
            title = $"{department}满意度调查", purpose, departmentName = department,
            items = new object[]
            {
                new { linkId = "overall", text = "总体满意度", type = "rating", required = true },
                new { linkId = "wait", text = "候诊时间", type = "choice", options = new[] { "10分钟内", "半小时内", "超过半小时" } },
                new { linkId = "good", text = "做得好的方面", type = "multiple", options = new[] { "医生", "护士", "环境" } },
                new { linkId = "nps", text = "您愿意推荐我院吗", type = "nps" },
                new { linkId = "advice", text = "意见和建议", type = "text" },
            },
        }).OkJson();

    /// <summary>A follow-up questionnaire: pain 0–10 (above 6 alerts the care team) and whether there is a fever (是 alerts).</summary>
    public static Task<JsonElement> FollowUpQuestionnaireAsync(HttpClient staff) =>
        staff.PostAsJsonAsync("/api/followup/admin/questionnaires", new
        {
            title = "术后随访", purpose = "followup",
            items = new object[]
            {
                new { linkId = "pain", text = "伤口疼痛评分", type = "number", required = true, min = 0, max = 10, alertAbove = 6 },
                new { linkId = "fever", text = "是否发热", type = "choice", required = true, options = new[] { "是", "否" }, alertOptions = new[] { "是" } },
            },
        }).OkJson();
}
