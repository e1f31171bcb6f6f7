using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hospital.Tests;

/// <summary>Draft → submit → publish by a second staff member, with 412 on stale versions, 409 on a second open
/// revision and a field-level audit trail, on the real hospital profile and guides.</summary>
public sealed class ContentWorkflowTests(HospitalServiceFixture fixture) : IClassFixture<HospitalServiceFixture>
{
    private const string Base = "/api/hospital/admin/content";
    private readonly HttpClient _editor = StaffClients.As(fixture, Guid.NewGuid(), "编辑小王");
    private readonly HttpClient _reviewer = StaffClients.As(fixture, Guid.NewGuid(), "审核老李");

    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<JsonObject> PublishedGuideAsync(string key)
    {
        var item = await Json(await _editor.GetAsync($"{Base}/guide/{key}"), HttpStatusCode.OK);
        return JsonNode.Parse(item.GetProperty("published").GetRawText())!.AsObject();
    }

    [Fact]
    public async Task An_edit_reaches_patients_only_after_a_second_staff_member_publishes_it()
    {
        var content = await PublishedGuideAsync("booking-exam");
        var newTitle = $"检查预约须知（{Guid.NewGuid():N}"[..20] + "）";
        content["title"] = newTitle;

        var draft = await Json(await _editor.PostAsJsonAsync($"{Base}/guide/booking-exam/revisions", new { content }), HttpStatusCode.Created);
        var number = draft.GetProperty("number").GetInt32();
        var patient = fixture.Service.CreateClient();
        Assert.NotEqual(newTitle, (await patient.GetFromJsonAsync<JsonElement>("/api/hospital/guides/booking-exam")).GetProperty("title").GetString());

        var preview = await Json(await _reviewer.GetAsync($"{Base}/guide/booking-exam/revisions/{number}/preview"), HttpStatusCode.OK);
        Assert.Equal(newTitle, preview.GetProperty("title").GetString());

        var submitted = await Json(await _editor.PostAsJsonAsync($"{Base}/guide/booking-exam/revisions/{number}/submit",
            new { version = draft.GetProperty("version").GetInt32() }), HttpStatusCode.OK);
        var version = submitted.GetProperty("version").GetInt32();

        var own = await Json(await _editor.PostAsJsonAsync($"{Base}/guide/booking-exam/revisions/{number}/publish", new { version }),
            HttpStatusCode.Forbidden);
        Assert.Equal("reviewer_is_editor", own.GetProperty("code").GetString());
        Assert.NotEqual(newTitle, (await patient.GetFromJsonAsync<JsonElement>("/api/hospital/guides/booking-exam")).GetProperty("title").GetString());

        await Json(await _reviewer.PostAsJsonAsync($"{Base}/guide/booking-exam/revisions/{number}/publish", new { version }), HttpStatusCode.OK);
        Assert.Equal(newTitle, (await patient.GetFromJsonAsync<JsonElement>("/api/hospital/guides/booking-exam")).GetProperty("title").GetString());

        var audit = await Json(await _reviewer.GetAsync($"{Base}/guide/booking-exam/audit"), HttpStatusCode.OK);
        var published = audit.EnumerateArray().First(a => a.GetProperty("action").GetString() == "published");
        Assert.Equal("审核老李", published.GetProperty("actorName").GetString());
        var change = Assert.Single(published.GetProperty("changes").EnumerateArray());
        Assert.Equal("标题", change.GetProperty("label").GetString());
        Assert.Equal(newTitle, change.GetProperty("after").GetString());
        Assert.Contains(audit.EnumerateArray(), a => a.GetProperty("action").GetString() == "created" && a.GetProperty("actorName").GetString() == "编辑小王");
    }

    [Fact]
    public async Task A_stale_version_is_412_and_a_second_open_revision_is_409_and_neither_changes_anything()
    {
        var content = await PublishedGuideAsync("first-visit");
        content["summary"] = "第一版草稿";
        var draft = await Json(await _editor.PostAsJsonAsync($"{Base}/guide/first-visit/revisions", new { content }), HttpStatusCode.Created);
        var number = draft.GetProperty("number").GetInt32();
        var version = draft.GetProperty("version").GetInt32();

        var second = await Json(await _reviewer.PostAsJsonAsync($"{Base}/guide/first-visit/revisions", new { content }), HttpStatusCode.Conflict);
        Assert.Equal("revision_open", second.GetProperty("code").GetString());

        content["summary"] = "编辑甲的修改";
        await Json(await _editor.PutAsJsonAsync($"{Base}/guide/first-visit/revisions/{number}", new { content, version }), HttpStatusCode.OK);
        content["summary"] = "编辑乙基于旧版本的修改";
        var stale = await Json(await _reviewer.PutAsJsonAsync($"{Base}/guide/first-visit/revisions/{number}", new { content, version }),
            HttpStatusCode.PreconditionFailed);
        Assert.Equal("revision_changed", stale.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(stale.GetProperty("title").GetString()));

        var item = await Json(await _editor.GetAsync($"{Base}/guide/first-visit"), HttpStatusCode.OK);
        Assert.Equal("编辑甲的修改", item.GetProperty("openRevision").GetProperty("content").GetProperty("summary").GetString());
        var edited = (await Json(await _editor.GetAsync($"{Base}/guide/first-visit/audit"), HttpStatusCode.OK)).EnumerateArray()
            .First(a => a.GetProperty("action").GetString() == "edited");
        var change = Assert.Single(edited.GetProperty("changes").EnumerateArray());
        Assert.Equal("摘要", change.GetProperty("label").GetString());
        Assert.Equal("第一版草稿", change.GetProperty("before").GetString());
    }

    [Fact]
    public async Task Whoever_edited_a_revision_cannot_publish_it_even_if_someone_else_submitted_it()
    {
        var content = await PublishedGuideAsync("inpatient");
        content["summary"] = "编辑修改后由他人提交";
        var draft = await Json(await _editor.PostAsJsonAsync($"{Base}/guide/inpatient/revisions", new { content }), HttpStatusCode.Created);
        var number = draft.GetProperty("number").GetInt32();
        var submitted = await Json(await _reviewer.PostAsJsonAsync($"{Base}/guide/inpatient/revisions/{number}/submit",
            new { version = draft.GetProperty("version").GetInt32() }), HttpStatusCode.OK);
        var version = submitted.GetProperty("version").GetInt32();

        Assert.Equal("reviewer_is_editor", (await Json(await _reviewer.PostAsJsonAsync($"{Base}/guide/inpatient/revisions/{number}/publish",
            new { version }), HttpStatusCode.Forbidden)).GetProperty("code").GetString());
        Assert.Equal("reviewer_is_editor", (await Json(await _editor.PostAsJsonAsync($"{Base}/guide/inpatient/revisions/{number}/publish",
            new { version }), HttpStatusCode.Forbidden)).GetProperty("code").GetString());

        var third = StaffClients.As(fixture, Guid.NewGuid(), "科主任");
        var rejected = await Json(await third.PostAsJsonAsync($"{Base}/guide/inpatient/revisions/{number}/reject",
            new { version, note = "请补充陪护规定" }), HttpStatusCode.OK);
        Assert.Equal("draft", rejected.GetProperty("status").GetString());
        Assert.Equal("请补充陪护规定", rejected.GetProperty("reviewNote").GetString());
    }

    [Fact]
    public async Task Patients_and_anonymous_callers_cannot_use_the_workflow()
    {
        var anonymous = fixture.Service.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"{Base}/guide")).StatusCode);
        var patient = StaffClients.As(fixture, Guid.NewGuid(), "患者", "patient");
        Assert.Equal(HttpStatusCode.Forbidden, (await patient.PostAsJsonAsync($"{Base}/guide/x/revisions", new { content = new { title = "x" } })).StatusCode);
    }

    [Fact]
    public async Task Bad_content_is_a_chinese_400_and_creates_no_draft()
    {
        var problem = await Json(await _editor.PostAsJsonAsync($"{Base}/guide/bad-guide/revisions",
            new { content = new { category = "guide", title = "", summary = "<b>粗体</b>" } }), HttpStatusCode.BadRequest);
        Assert.Equal("validation_failed", problem.GetProperty("code").GetString());
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("title", out _));
        Assert.True(errors.TryGetProperty("summary", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await _editor.GetAsync($"{Base}/guide/bad-guide")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _editor.GetAsync($"{Base}/no-such-type")).StatusCode);
    }
}
