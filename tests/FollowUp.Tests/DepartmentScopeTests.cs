using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;
using static FollowUp.Tests.Setup;

namespace FollowUp.Tests;

/// <summary>R27: each complaint is for the staff of the departments it is routed to. Another department's staff get "not
/// found" for it, however they ask, and it changes nothing; only the complaints office (投诉办) sees every department and
/// keeps who belongs to which.</summary>
public sealed class DepartmentScopeTests(FollowUpFixture f) : IClassFixture<FollowUpFixture>
{
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    /// <summary>A department whose complaints go to <c>Group</c> and, unacknowledged after 30 minutes, to <c>Escalation</c>;
    /// and one complaint about it, with a photo.</summary>
    private async Task<(Guid Id, Guid PhotoId, string Group, string Escalation)> ComplaintAsync(string text)
    {
        var (department, group, escalation) = (Unique("骨科"), Unique("医务部"), Unique("院办"));
        await f.StaffClient().PostAsJsonAsync("/api/followup/admin/routing-rules", new
        {
            departmentName = department, handlerGroup = group, acknowledgeWithinMinutes = 30, escalationGroup = escalation,
        }).OkJson();
        var patient = Guid.NewGuid();
        var created = await f.PatientClient(Guid.NewGuid(), patient).PostAsJsonAsync($"/api/followup/patients/{patient}/complaints", new
        {
            category = "服务态度", departmentName = department, text, photos = new[] { "data:image/png;base64," + Convert.ToBase64String(Png) },
        }).OkJson(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        var detail = await f.StaffClient().GetFromJsonAsync<JsonElement>($"/api/followup/admin/complaints/{id}");
        return (id, detail.GetProperty("photoIds")[0].GetGuid(), group, escalation);
    }

    private static async Task<List<Guid>> InboxAsync(HttpClient staff, string query = "") =>
        (await staff.GetFromJsonAsync<JsonElement>($"/api/followup/admin/complaints{query}")).EnumerateArray()
        .Select(c => c.GetProperty("id").GetGuid()).ToList();

    [Fact]
    public async Task Staff_see_and_answer_only_the_complaints_routed_to_their_departments()
    {
        var mine = await ComplaintAsync("护士换药时态度生硬");
        var theirs = await ComplaintAsync("病房夜里太吵，反映后无人处理");
        var handler = await f.DepartmentStaffAsync("张干事", mine.Group);
        var outsider = await f.DepartmentStaffAsync("刘干事", theirs.Group);
        var unassigned = f.StaffClient("新同事", Guid.NewGuid());

        Assert.Contains(mine.Id, await InboxAsync(handler));
        Assert.DoesNotContain(theirs.Id, await InboxAsync(handler));
        Assert.DoesNotContain(mine.Id, await InboxAsync(outsider));
        Assert.DoesNotContain(mine.Id, await InboxAsync(outsider, $"?group={mine.Group}"));
        Assert.Empty(await InboxAsync(unassigned));
        var office = await InboxAsync(f.StaffClient());
        Assert.Contains(mine.Id, office);
        Assert.Contains(theirs.Id, office);

        // Another department's complaint: not found whichever way it is asked for, and left as it was.
        foreach (var staff in new[] { outsider, unassigned })
        {
            var problem = await staff.GetAsync($"/api/followup/admin/complaints/{mine.Id}").ProblemAsync(HttpStatusCode.NotFound);
            Assert.DoesNotContain("护士", problem.GetRawText());
            await staff.GetAsync($"/api/followup/admin/complaints/{mine.Id}/photos/{mine.PhotoId}").ProblemAsync(HttpStatusCode.NotFound);
            await staff.PostAsync($"/api/followup/admin/complaints/{mine.Id}/acknowledge", null).ProblemAsync(HttpStatusCode.NotFound);
            await staff.PostAsJsonAsync($"/api/followup/admin/complaints/{mine.Id}/reply", new { text = "已处理" }).ProblemAsync(HttpStatusCode.NotFound);
            Assert.Empty((await staff.GetFromJsonAsync<JsonElement>($"/api/followup/admin/alerts?group={mine.Group}")).EnumerateArray());
        }
        var untouched = await f.StaffClient().GetFromJsonAsync<JsonElement>($"/api/followup/admin/complaints/{mine.Id}");
        Assert.Equal("routed", untouched.GetProperty("status").GetString());
        Assert.DoesNotContain(untouched.GetProperty("messages").EnumerateArray(), m => m.GetProperty("from").GetString() == "staff");

        // Its own department's staff see the alert, the photo, and answer it.
        var alerts = await Eventually.Until(() => handler.GetFromJsonAsync<JsonElement>($"/api/followup/admin/alerts?group={mine.Group}"),
            a => a.GetArrayLength() == 1, Wait, "the routing alert");
        Assert.Equal(mine.Id, alerts[0].GetProperty("complaintId").GetGuid());
        Assert.Equal(HttpStatusCode.OK, (await handler.GetAsync($"/api/followup/admin/complaints/{mine.Id}/photos/{mine.PhotoId}")).StatusCode);
        await handler.PostAsync($"/api/followup/admin/complaints/{mine.Id}/acknowledge", null).OkJson();
        var replied = await handler.PostAsJsonAsync($"/api/followup/admin/complaints/{mine.Id}/reply", new { text = "已与护士长沟通并致歉" }).OkJson();
        Assert.Equal("replied", replied.GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_unacknowledged_complaint_reaches_the_escalation_departments_staff_only_once_escalated()
    {
        var complaint = await ComplaintAsync("预约后等了两个小时");
        var escalationStaff = await f.DepartmentStaffAsync("李主任", complaint.Escalation);
        await escalationStaff.GetAsync($"/api/followup/admin/complaints/{complaint.Id}").ProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain(complaint.Id, await InboxAsync(escalationStaff));

        f.Clock.Advance(TimeSpan.FromMinutes(31));
        await Eventually.Until(() => f.StaffClient().GetFromJsonAsync<JsonElement>($"/api/followup/admin/complaints/{complaint.Id}"),
            d => d.GetProperty("escalationLevel").GetInt32() >= 1, Wait, "escalated");
        Assert.Contains(complaint.Id, await InboxAsync(escalationStaff));
        await escalationStaff.PostAsync($"/api/followup/admin/complaints/{complaint.Id}/acknowledge", null).OkJson();
    }

    [Fact]
    public async Task Only_the_complaints_office_keeps_the_assignments()
    {
        var group = Unique("护理部");
        var member = await f.DepartmentStaffAsync("陈护士长", group);
        var me = await member.GetFromJsonAsync<JsonElement>("/api/followup/admin/staff/me");
        Assert.True(me.GetProperty("assigned").GetBoolean());
        Assert.False(me.GetProperty("complaintsOffice").GetBoolean());
        Assert.True(me.GetProperty("officeExists").GetBoolean());
        Assert.Equal(new[] { group }, me.GetProperty("departments").EnumerateArray().Select(d => d.GetString()!));
        var memberId = me.GetProperty("accountId").GetGuid();

        // A department's staff cannot see or change who handles what, nor make themselves the office.
        await member.GetAsync("/api/followup/admin/staff").ProblemAsync(HttpStatusCode.Forbidden);
        await member.PutAsJsonAsync($"/api/followup/admin/staff/{memberId}", new { name = "陈护士长", departments = new[] { group }, complaintsOffice = true })
            .ProblemAsync(HttpStatusCode.Forbidden);
        await member.DeleteAsync($"/api/followup/admin/staff/{f.OfficeAccount}").ProblemAsync(HttpStatusCode.Forbidden);
        await member.PostAsync("/api/followup/admin/staff/me/complaints-office", null).ProblemAsync(HttpStatusCode.Conflict);
        // Nor reroute complaints to their own group (which would show them other departments' complaints), nor change who is texted.
        var rules = (await member.GetFromJsonAsync<JsonElement>("/api/followup/admin/routing-rules")).GetArrayLength();
        await member.PostAsJsonAsync("/api/followup/admin/routing-rules", new { handlerGroup = group, acknowledgeWithinMinutes = 30 })
            .ProblemAsync(HttpStatusCode.Forbidden);
        await member.PostAsJsonAsync("/api/followup/admin/contacts", new { group, name = "陈护士长", phone = Phone() }).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(rules, (await member.GetFromJsonAsync<JsonElement>("/api/followup/admin/routing-rules")).GetArrayLength());
        Assert.DoesNotContain((await member.GetFromJsonAsync<JsonElement>("/api/followup/admin/contacts")).EnumerateArray(),
            c => c.GetProperty("group").GetString() == group);
        Assert.False((await member.GetFromJsonAsync<JsonElement>("/api/followup/admin/staff/me")).GetProperty("complaintsOffice").GetBoolean());

        var office = f.StaffClient();
        await office.PutAsJsonAsync($"/api/followup/admin/staff/{memberId}", new { name = "陈护士长", departments = Array.Empty<string>(), complaintsOffice = false })
            .ProblemAsync(HttpStatusCode.BadRequest);
        await office.PutAsJsonAsync($"/api/followup/admin/staff/{memberId}", new { name = "", departments = new[] { group } })
            .ProblemAsync(HttpStatusCode.BadRequest);
        // The office cannot lock itself out.
        await office.PutAsJsonAsync($"/api/followup/admin/staff/{f.OfficeAccount}", new { name = "王主任", departments = new[] { group }, complaintsOffice = false })
            .ProblemAsync(HttpStatusCode.Conflict);
        await office.DeleteAsync($"/api/followup/admin/staff/{f.OfficeAccount}").ProblemAsync(HttpStatusCode.Conflict);
        await office.PostAsync("/api/followup/admin/staff/me/complaints-office", null).OkJson();

        var list = await office.GetFromJsonAsync<JsonElement>("/api/followup/admin/staff");
        var entry = list.EnumerateArray().Single(s => s.GetProperty("accountId").GetGuid() == memberId);
        Assert.Equal(new[] { group }, entry.GetProperty("departments").EnumerateArray().Select(d => d.GetString()!));
        Assert.True(list.EnumerateArray().Single(s => s.GetProperty("accountId").GetGuid() == f.OfficeAccount).GetProperty("complaintsOffice").GetBoolean());

        // Removed from the desk, the member sees nothing any more.
        var complaint = await ComplaintAsync("出院结算排队太久");
        await office.PutAsJsonAsync($"/api/followup/admin/staff/{memberId}", new { name = "陈护士长", departments = new[] { complaint.Group } }).OkJson();
        Assert.Contains(complaint.Id, await InboxAsync(member));
        await office.DeleteAsync($"/api/followup/admin/staff/{memberId}").OkJson(HttpStatusCode.NoContent);
        Assert.Empty(await InboxAsync(member));
        await member.GetAsync($"/api/followup/admin/complaints/{complaint.Id}").ProblemAsync(HttpStatusCode.NotFound);
    }
}
