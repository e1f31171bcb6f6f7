using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Triage.Tests;

/// <summary>Staff maintain the knowledge base; an edit changes the next answer.</summary>
public sealed class KnowledgeAdminTests(TriageFixture fixture) : IClassFixture<TriageFixture>
{
    [Fact]
    public async Task Only_staff_reach_the_knowledge_base()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Client.GetAsync("/api/triage/admin/symptoms")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.As("patient").GetAsync("/api/triage/admin/symptoms")).StatusCode);
        var symptoms = await fixture.As("staff").GetFromJsonAsync<List<JsonElement>>("/api/triage/admin/symptoms");
        Assert.Contains(symptoms!, s => s.GetProperty("name").GetString() == "胸痛");
    }

    [Fact]
    public async Task The_computed_key_is_read_only_in_the_api_description()
    {
        var document = await fixture.Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var specialty = document.GetProperty("components").GetProperty("schemas").GetProperty("Specialty").GetProperty("properties");

        Assert.True(specialty.GetProperty("key").GetProperty("readOnly").GetBoolean());
        Assert.False(specialty.GetProperty("name").TryGetProperty("readOnly", out _));
    }

    [Fact]
    public async Task The_same_entry_sent_twice_at_once_is_created_once_and_the_other_is_told_it_exists()
    {
        var staff = fixture.As("staff");
        var name = $"并发症状{Guid.NewGuid():N}"[..12];
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => staff.PostAsJsonAsync("/api/triage/admin/symptoms",
            new { name, terms = new[] { name }, bodyParts = new[] { "全身" }, weights = Array.Empty<object>() })));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        var symptoms = await staff.GetFromJsonAsync<List<JsonElement>>("/api/triage/admin/symptoms");
        Assert.Single(symptoms!, s => s.GetProperty("name").GetString() == name);
    }

    [Fact]
    public async Task A_new_colloquial_term_changes_the_answer()
    {
        const string complaint = "最近老是打摆子，一阵冷一阵热";
        var before = await fixture.AssessAsync(40, "M", "全身", complaint);
        Assert.DoesNotContain(before.Symptoms, s => s.Name == "寒战");

        var staff = fixture.As("staff");
        var created = await staff.PostAsJsonAsync("/api/triage/admin/symptoms", new
        {
            name = "寒战", terms = new[] { "打摆子", "发冷发抖" }, bodyParts = new[] { "全身" },
            weights = new[] { new { specialty = "感染科", weight = 4.0 } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var after = await fixture.AssessAsync(40, "M", "全身", complaint);
        var recognised = Assert.Single(after.Symptoms, s => s.Name == "寒战");
        Assert.Equal("打摆子", recognised.Matched);
        // 感染科 is not a department of this hospital: 内科 sees it, and says why.
        Assert.Equal("内科", after.Departments[0].Name);
        Assert.Contains(after.Departments[0].Reasons, r => r.Contains("打摆子") && r.Contains("感染科"));
    }

    [Fact]
    public async Task Editing_a_red_flag_changes_whether_it_fires_and_deleting_restores()
    {
        const string complaint = "眼睛被烟花炸伤了，看不清东西";
        var staff = fixture.As("staff");
        var flags = await staff.GetFromJsonAsync<List<JsonObject>>("/api/triage/admin/red-flags");
        Assert.DoesNotContain(flags!, f => (string?)f["code"] == "eye_blast");
        Assert.False((await fixture.AssessAsync(12, "M", "眼部", complaint)).Emergency);

        await staff.PostAsJsonAsync("/api/triage/admin/symptoms", new { name = "眼部炸伤", terms = new[] { "烟花炸伤", "炸伤" }, bodyParts = new[] { "眼部" },
            weights = new[] { new { specialty = "眼科", weight = 4.0 } } });
        var rule = await staff.PostAsJsonAsync("/api/triage/admin/red-flags", new
        {
            code = "eye_blast", name = "眼部炸伤", allOf = new[] { new { anyOf = new[] { "眼部炸伤" } } },
        });
        Assert.Equal(HttpStatusCode.Created, rule.StatusCode);
        var id = (await rule.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();

        var flagged = await fixture.AssessAsync(12, "M", "眼部", complaint);
        Assert.True(flagged.Emergency);
        Assert.Contains("眼部炸伤", flagged.EmergencyAdvice!.Reasons);

        var adultsOnly = await staff.PutAsJsonAsync($"/api/triage/admin/red-flags/{id}", new
        {
            code = "eye_blast", name = "眼部炸伤", minAge = 18, allOf = new[] { new { anyOf = new[] { "眼部炸伤" } } },
        });
        Assert.Equal(HttpStatusCode.OK, adultsOnly.StatusCode);
        Assert.False((await fixture.AssessAsync(12, "M", "眼部", complaint)).Emergency);
        Assert.True((await fixture.AssessAsync(30, "M", "眼部", complaint)).Emergency);

        Assert.Equal(HttpStatusCode.NoContent, (await staff.DeleteAsync($"/api/triage/admin/red-flags/{id}")).StatusCode);
        Assert.False((await fixture.AssessAsync(30, "M", "眼部", complaint)).Emergency);
    }

    [Fact]
    public async Task A_specialty_mapping_decides_the_department()
    {
        var staff = fixture.As("staff");
        var specialties = await staff.GetFromJsonAsync<List<JsonObject>>("/api/triage/admin/specialties");
        var traditional = specialties!.Single(s => (string?)s["name"] == "血液内科");
        var before = await fixture.AssessAsync(35, "F", "全身", "脸色苍白，贫血");
        Assert.Equal("内科", before.Departments[0].Name);

        var remapped = await staff.PutAsJsonAsync($"/api/triage/admin/specialties/{traditional["id"]}", new { name = "血液内科", fallbacks = new[] { "肿瘤科", "内科" } });
        Assert.Equal(HttpStatusCode.OK, remapped.StatusCode);

        var after = await fixture.AssessAsync(35, "F", "全身", "脸色苍白，贫血");
        Assert.Equal("肿瘤科", after.Departments[0].Name);
        Assert.Contains(after.Departments[0].Reasons, r => r.Contains("本院未单设血液内科，由肿瘤科诊治"));
    }

    [Fact]
    public async Task Bad_edits_are_refused_in_chinese()
    {
        var staff = fixture.As("staff");
        var duplicate = await staff.PostAsJsonAsync("/api/triage/admin/symptoms", new { name = "胸痛", terms = new[] { "心口疼" } });
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal("duplicate", (await duplicate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());

        var invalid = await staff.PostAsJsonAsync("/api/triage/admin/questions", new { code = "Bad Code!", text = "", yesAdds = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("code", out _));
        Assert.True(errors.TryGetProperty("yesAdds", out _));

        var weights = await staff.PostAsJsonAsync("/api/triage/admin/symptoms", new
        {
            name = "测试症状", weights = new[] { new { specialty = "内科", weight = 99.0 } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, weights.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.DeleteAsync($"/api/triage/admin/symptoms/{Guid.NewGuid()}")).StatusCode);
    }
}
