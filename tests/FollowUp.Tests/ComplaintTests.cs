using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FollowUp.API.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.FollowUp;
using Platform.Contracts.Staff;
using Platform.Testing;
using static FollowUp.Tests.Setup;

namespace FollowUp.Tests;

/// <summary>R26–R28: a complaint with photos reaches the department its rules name at once (admin console and SMS),
/// escalates when nobody acknowledges it in time, and the reply reaches the patient, who answers back and rates it.</summary>
public sealed class ComplaintTests(FollowUpFixture f) : IClassFixture<FollowUpFixture>
{
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private async Task<(string Department, string Group, string Escalation, string Phone, string BossPhone)> RoutedDepartmentAsync(int minutes = 30)
    {
        var staff = f.StaffClient();
        var (department, group, escalation, phone, boss) = (Unique("心内科"), Unique("医务部"), Unique("院办"), Phone(), Phone());
        await ContactAsync(staff, group, "张干事", phone);
        await ContactAsync(staff, escalation, "李主任", boss);
        await staff.PostAsJsonAsync("/api/followup/admin/routing-rules", new
        {
            category = "医疗质量", departmentName = department, handlerGroup = group, acknowledgeWithinMinutes = minutes, escalationGroup = escalation,
        }).OkJson();
        // A broader rule for the department that must lose to the more specific one.
        await staff.PostAsJsonAsync("/api/followup/admin/routing-rules", new
        {
            departmentName = department, handlerGroup = Unique("门诊部"), acknowledgeWithinMinutes = 60,
        }).OkJson();
        return (department, group, escalation, phone, boss);
    }

    [Fact]
    public async Task A_complaint_with_a_photo_reaches_the_departments_staff_by_sms_and_in_the_console_and_only_its_patient_sees_it()
    {
        var (department, group, _, phone, _) = await RoutedDepartmentAsync();
        var patient = Guid.NewGuid();
        var client = f.PatientClient(Guid.NewGuid(), patient);
        var created = await client.PostAsJsonAsync($"/api/followup/patients/{patient}/complaints", new
        {
            kind = "complaint", category = "医疗质量", departmentName = department, text = "复诊时医生没有看检查结果就开药",
            photos = new[] { "data:image/png;base64," + Convert.ToBase64String(Png) },
        }).OkJson(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal("routed", created.GetProperty("status").GetString());
        Assert.Equal(group, created.GetProperty("handlerGroup").GetString());

        var sms = await Eventually.Until(() => f.SmsTextsAsync(phone), t => t.Count == 1, Wait, "staff SMS");
        Assert.Contains("医疗质量", sms[0]);
        Assert.Contains(department, sms[0]);
        var alerts = await f.StaffClient().GetFromJsonAsync<JsonElement>($"/api/followup/admin/alerts?group={group}");
        Assert.Equal(id, alerts.EnumerateArray().Single().GetProperty("complaintId").GetGuid());
        var inbox = await f.StaffClient().GetFromJsonAsync<JsonElement>($"/api/followup/admin/complaints?group={group}");
        Assert.Equal(id, inbox.EnumerateArray().Single().GetProperty("id").GetGuid());
        await f.Published.UntilAsync<ComplaintStatusChangedIntegrationEvent>(e => e.ComplaintId == id && e.Status == "routed", Wait);
        // The handling department's open inbox hears of it at once (ids only).
        await f.Published.UntilAsync<StaffWorkChangedIntegrationEvent>(e => e.ItemId == id && e.Area == StaffAreas.Complaints, Wait);

        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/followup/complaints/{id}");
        var photoId = detail.GetProperty("photoIds").EnumerateArray().Single().GetGuid();
        var photo = await client.GetAsync($"/api/followup/complaints/{id}/photos/{photoId}");
        Assert.Equal("image/png", photo.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await photo.Content.ReadAsByteArrayAsync());

        var stranger = f.PatientClient(Guid.NewGuid(), Guid.NewGuid());
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/followup/complaints/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/followup/patients/{patient}/complaints")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/followup/admin/complaints")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await f.Anonymous().GetAsync($"/api/followup/patients/{patient}/complaints")).StatusCode);

        // Staff phones are kept encrypted and shown masked.
        var contacts = await f.StaffClient().GetFromJsonAsync<JsonElement>("/api/followup/admin/contacts");
        Assert.DoesNotContain(phone, contacts.GetRawText());
        await using var scope = f.Service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FollowUpDbContext>();
        Assert.False(await db.Contacts.AnyAsync(c => c.PhoneEncrypted.Contains(phone)));
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_or_a_missing_category_is_refused_in_chinese_and_nothing_is_stored()
    {
        var patient = Guid.NewGuid();
        var client = f.PatientClient(Guid.NewGuid(), patient);
        var script = Convert.ToBase64String("<svg onload=alert(1)>"u8.ToArray());
        var problem = await client.PostAsJsonAsync($"/api/followup/patients/{patient}/complaints", new
        {
            category = "环境设施", text = "卫生间没有纸", photos = new[] { "data:image/png;base64," + script },
        }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("图片", problem.GetProperty("errors").GetProperty("photos")[0].GetString());
        var huge = new byte[1600 * 1024];
        Png.CopyTo(huge, 0);
        var tooBig = await client.PostAsJsonAsync($"/api/followup/patients/{patient}/complaints", new
        {
            category = "环境设施", text = "卫生间没有纸", photos = new[] { Convert.ToBase64String(huge) },
        }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("1.5MB", tooBig.GetProperty("errors").GetProperty("photos")[0].GetString());
        await client.PostAsJsonAsync($"/api/followup/patients/{patient}/complaints", new { category = "不存在", text = "x" })
            .ProblemAsync(HttpStatusCode.BadRequest);
        await client.PostAsJsonAsync($"/api/followup/patients/{patient}/complaints", new { category = "其他", text = " " })
            .ProblemAsync(HttpStatusCode.BadRequest);
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/followup/patients/{patient}/complaints");
        Assert.Equal(0, list.GetArrayLength());
    }

    [Fact]
    public async Task A_complaint_nobody_acknowledges_in_time_escalates_and_an_acknowledged_one_does_not()
    {
        var (department, _, escalation, _, boss) = await RoutedDepartmentAsync(minutes: 30);
        var patient = Guid.NewGuid();
        var client = f.PatientClient(Guid.NewGuid(), patient);
        var ignored = (await client.PostAsJsonAsync($"/api/followup/patients/{patient}/complaints",
            new { category = "医疗质量", departmentName = department, text = "检查报告迟迟不出" }).OkJson(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var handled = (await client.PostAsJsonAsync($"/api/followup/patients/{patient}/complaints",
            new { category = "医疗质量", departmentName = department, text = "医生解释不清楚" }).OkJson(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await f.StaffClient().PostAsync($"/api/followup/admin/complaints/{handled}/acknowledge", null).OkJson();

        // Twenty minutes in, the worker has had rounds to run; the escalation must still carry the later time.
        f.Clock.Advance(TimeSpan.FromMinutes(20));
        await Eventually.Until(() => f.StaffClient().GetFromJsonAsync<JsonElement>($"/api/followup/admin/complaints/{ignored}"),
            d => d.GetProperty("escalationLevel").GetInt32() == 0, Wait, "not escalated yet");
        f.Clock.Advance(TimeSpan.FromMinutes(11));
        var sms = await Eventually.Until(() => f.SmsTextsAsync(boss), t => t.Count >= 1, Wait, "escalation SMS");
        Assert.Contains("超时未受理", sms[0]);
        var detail = await Eventually.Until(() => f.StaffClient().GetFromJsonAsync<JsonElement>($"/api/followup/admin/complaints/{ignored}"),
            d => d.GetProperty("escalationLevel").GetInt32() == 1, Wait, "escalated");
        Assert.Equal("routed", detail.GetProperty("status").GetString());
        var alerts = await f.StaffClient().GetFromJsonAsync<JsonElement>($"/api/followup/admin/alerts?group={escalation}");
        Assert.Equal([ignored], alerts.EnumerateArray().Select(a => a.GetProperty("complaintId").GetGuid()));
        var raisedAfter = alerts[0].GetProperty("createdAt").GetDateTimeOffset() - detail.GetProperty("createdAt").GetDateTimeOffset();
        Assert.True(raisedAfter >= TimeSpan.FromMinutes(30), $"escalated after {raisedAfter}");
        // Still nobody: escalated again every half hour, three times at most.
        JsonElement capped = default;
        foreach (var level in new[] { 2, 3 })
        {
            f.Clock.Advance(TimeSpan.FromMinutes(31));
            capped = await Eventually.Until(() => f.StaffClient().GetFromJsonAsync<JsonElement>($"/api/followup/admin/complaints/{ignored}"),
                d => d.GetProperty("escalationLevel").GetInt32() == level, Wait, $"escalation {level}");
        }
        // The third was the last: nothing more is scheduled, so no further SMS however long it waits.
        Assert.Equal(JsonValueKind.Null, capped.GetProperty("acknowledgeBy").ValueKind);
        await Eventually.Until(() => f.SmsTextsAsync(boss), t => t.Count == 3, Wait, "three escalation SMS");

        var acknowledged = await f.StaffClient().GetFromJsonAsync<JsonElement>($"/api/followup/admin/complaints/{handled}");
        Assert.Equal(0, acknowledged.GetProperty("escalationLevel").GetInt32());
        Assert.Equal("acknowledged", acknowledged.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_reply_reaches_the_patient_who_answers_back_and_rates_the_handling_once()
    {
        var (department, group, _, phone, _) = await RoutedDepartmentAsync();
        var patient = Guid.NewGuid();
        var client = f.PatientClient(Guid.NewGuid(), patient);
        var id = (await client.PostAsJsonAsync($"/api/followup/patients/{patient}/complaints",
            new { kind = "suggestion", category = "医疗质量", departmentName = department, text = "建议增加夜间门诊" }).OkJson(HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        await client.PostAsJsonAsync($"/api/followup/complaints/{id}/rating", new { rating = 5 }).ProblemAsync(HttpStatusCode.Conflict);
        await f.StaffClient().PostAsJsonAsync($"/api/followup/admin/complaints/{id}/reply", new { text = "" }).ProblemAsync(HttpStatusCode.BadRequest);

        await f.StaffClient("赵科长").PostAsJsonAsync($"/api/followup/admin/complaints/{id}/reply", new { text = "感谢建议，下月起周三增设夜间门诊。" }).OkJson();
        var replied = await f.Published.UntilAsync<ComplaintRepliedIntegrationEvent>(e => e.ComplaintId == id, Wait);
        Assert.Equal(patient, replied.PatientId);
        Assert.Contains("夜间门诊", replied.Excerpt);
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/followup/complaints/{id}");
        Assert.Equal("replied", detail.GetProperty("status").GetString());
        Assert.Contains("赵科长", detail.GetProperty("messages")[0].GetProperty("author").GetString());

        await client.PostAsJsonAsync($"/api/followup/complaints/{id}/messages", new { text = "周末能否也开？" }).OkJson();
        await Eventually.Until(() => f.SmsTextsAsync(phone), t => t.Any(x => x.Contains("周末能否也开")), Wait, "patient answer reaches staff");

        await client.PostAsJsonAsync($"/api/followup/complaints/{id}/rating", new { rating = 9 }).ProblemAsync(HttpStatusCode.BadRequest);
        var rated = await client.PostAsJsonAsync($"/api/followup/complaints/{id}/rating", new { rating = 4, comment = "回复及时" }).OkJson();
        Assert.Equal("closed", rated.GetProperty("status").GetString());
        Assert.Equal(4, rated.GetProperty("rating").GetInt32());
        await client.PostAsJsonAsync($"/api/followup/complaints/{id}/rating", new { rating = 1 }).ProblemAsync(HttpStatusCode.Conflict);
        await f.StaffClient().PostAsJsonAsync($"/api/followup/admin/complaints/{id}/reply", new { text = "再补充" }).ProblemAsync(HttpStatusCode.Conflict);
        _ = group;
    }
}
