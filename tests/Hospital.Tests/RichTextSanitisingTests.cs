using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hospital.API.Application.Publishing;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.Tests;

/// <summary>An XSS payload in every rich-text field of every content type stays inert: cut on save, and neither the
/// preview nor what patients read carries a script, an event handler or a javascript: link.</summary>
public sealed class RichTextSanitisingTests(HospitalServiceFixture fixture) : IClassFixture<HospitalServiceFixture>
{
    private const string Payload = """
        **重要提示**

        <script>alert('xss')</script>
        <img src=x onerror=alert(1)>
        <svg onload=alert(3)></svg>
        [点我](javascript:alert(1)) [另一个](JaVaScRiPt&#58;alert(5)) <a href="javascript:alert(2)">链接</a>

        [ref]: javascript:alert(4)
        """;

    private static readonly string[] Forbidden = ["<script", "onerror", "onload", "javascript:", "<svg", "<img"];

    /// <summary>Content type → (an item key, the patient URL that shows it).</summary>
    private static readonly Dictionary<string, (string Key, Func<HttpClient, Task<string>> PatientView)> Targets = new()
    {
        ["hospital-profile"] = ("main", c => c.GetStringAsync("/api/hospital/profile")),
        ["department"] = ("nfmk", async c =>
        {
            var all = await c.GetFromJsonAsync<JsonElement>("/api/hospital/departments");
            var id = all.EnumerateArray().Single(d => d.GetProperty("code").GetString() == "nfmk").GetProperty("id").GetGuid();
            return await c.GetStringAsync($"/api/hospital/departments/{id}");
        }),
        ["doctor"] = ("prac-042", c => c.GetStringAsync("/api/hospital/doctors/prac-042")),
        ["guide"] = ("booking-registration", c => c.GetStringAsync("/api/hospital/guides/booking-registration")),
        ["health-article"] = ("hypertension-diet", c => c.GetStringAsync("/api/hospital/education/articles/hypertension-diet")),
    };

    /// <summary>The JSON with its escapes undone (the API escapes "&lt;" as \u003C), as a browser's JSON.parse sees it.</summary>
    private static string Decoded(string json) =>
        JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement, ContentJson.Options);

    private static void AssertInert(string json, string where)
    {
        var text = Decoded(json);
        foreach (var bad in Forbidden)
            Assert.False(text.Contains(bad, StringComparison.OrdinalIgnoreCase), $"{where} contains {bad}: {text}");
    }

    [Fact]
    public async Task Every_rich_text_field_of_every_content_type_is_covered_here()
    {
        var registry = fixture.Service.Services.GetRequiredService<ContentTypeRegistry>();
        var withRichText = registry.All.Where(t => t.DocumentType.GetProperties().Any(p => p.IsDefined(typeof(RichTextAttribute))));
        Assert.Equal(withRichText.Select(t => t.Slug).Order(), Targets.Keys.Order());
    }

    [Theory]
    [InlineData("hospital-profile")]
    [InlineData("department")]
    [InlineData("doctor")]
    [InlineData("guide")]
    [InlineData("health-article")]
    public async Task An_xss_payload_in_each_rich_text_field_never_reaches_a_patient(string slug)
    {
        var registry = fixture.Service.Services.GetRequiredService<ContentTypeRegistry>();
        var type = registry.Get(slug);
        var richFields = type.DocumentType.GetProperties().Where(p => p.IsDefined(typeof(RichTextAttribute))).ToList();
        Assert.NotEmpty(richFields);
        var (key, patientView) = Targets[slug];
        var editor = StaffClients.As(fixture, Guid.NewGuid(), "编辑");
        var reviewer = StaffClients.As(fixture, Guid.NewGuid(), "审核");
        var url = $"/api/hospital/admin/content/{slug}/{key}";

        var existing = await editor.GetAsync(url);
        var content = existing.StatusCode == HttpStatusCode.OK
            ? JsonNode.Parse((await existing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("published").GetRawText())!.AsObject()
            : new JsonObject { ["name"] = "朱健鹤", ["expertise"] = "甲状腺疾病、糖尿病及并发症" };
        foreach (var field in richFields) content[JsonNamingPolicy.CamelCase.ConvertName(field.Name)] = Payload;

        var created = await editor.PostAsJsonAsync($"{url}/revisions", new { content });
        var draft = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(created.IsSuccessStatusCode, draft.ToString());
        AssertInert(draft.GetProperty("content").GetRawText(), "the saved draft");
        foreach (var field in richFields)
            Assert.Contains("**重要提示**", draft.GetProperty("content").GetProperty(JsonNamingPolicy.CamelCase.ConvertName(field.Name)).GetString());

        var number = draft.GetProperty("number").GetInt32();
        var preview = await editor.GetStringAsync($"{url}/revisions/{number}/preview");
        AssertInert(preview, "the preview");
        Assert.Contains("<strong>重要提示</strong>", Decoded(preview));

        var submitted = await (await editor.PostAsJsonAsync($"{url}/revisions/{number}/submit", new { version = draft.GetProperty("version").GetInt32() }))
            .Content.ReadFromJsonAsync<JsonElement>();
        (await reviewer.PostAsJsonAsync($"{url}/revisions/{number}/publish", new { version = submitted.GetProperty("version").GetInt32() }))
            .EnsureSuccessStatusCode();

        var shown = await patientView(fixture.Service.CreateClient());
        AssertInert(shown, "the patient view");
        Assert.Contains("<strong>重要提示</strong>", Decoded(shown));
    }

    [Theory]
    [InlineData("<scr<script>ipt>alert(1)</script>")]
    [InlineData("<<img src=x onerror=alert(1)>img src=x onerror=alert(1)>")]
    [InlineData("<a href='jav&#x09;ascript:alert(1)'>x</a>")]
    [InlineData("[x](  javascript:alert(1)  )")]
    [InlineData("<details open ontoggle=alert(1)>")]
    public void Nested_and_encoded_tricks_are_inert_after_render(string markdown)
    {
        var html = RichText.Render(markdown);
        foreach (var bad in new[] { "<script", "onerror", "ontoggle", "javascript:", "<img", "<details" })
            Assert.False(html.Contains(bad, StringComparison.OrdinalIgnoreCase), $"{markdown} → {html}");
    }
}
