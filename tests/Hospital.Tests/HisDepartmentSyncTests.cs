using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts.His;
using Platform.Testing;

namespace Hospital.Tests;

public sealed class HisDepartmentSyncTests(HospitalServiceFixture fixture) : IClassFixture<HospitalServiceFixture>
{
    private async Task<JsonElement?> FindAsync(string code)
    {
        var all = await fixture.Service.CreateClient().GetFromJsonAsync<JsonElement>("/api/hospital/departments");
        return all.EnumerateArray().Where(d => d.GetProperty("code").GetString() == code).Cast<JsonElement?>().FirstOrDefault();
    }

    private Task PublishAsync(params HisDepartmentSyncedIntegrationEvent[] events) =>
        TestBus.PublishAsync(fixture.VirtualHost.AmqpUri, ctx => ctx.MessageId = ctx.Message.Id, events);

    private const string DepartmentEvents = "SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%DepartmentChanged%'";

    [Fact]
    public async Task A_department_from_the_his_appears_once_and_announces_itself_once()
    {
        var before = await fixture.Database.ScalarAsync(DepartmentEvents);
        var synced = new HisDepartmentSyncedIntegrationEvent("zlk", "肿瘤科", "光谷院区", "门诊楼", "4楼", "027-87655104",
            "肺癌综合治疗、消化道肿瘤化疗", "hs-zlk", true);
        using var watch = new ConsumeWatch();
        await PublishAsync(synced, synced);

        await watch.UntilFinishedAsync(synced.Id, "HisDepartmentSyncedConsumer", copies: 2);
        var found = await FindAsync("zlk");
        Assert.Equal("光谷院区", found!.Value.GetProperty("campus").GetString());
        Assert.Equal(before + 1, await fixture.Database.ScalarAsync(DepartmentEvents));
    }

    [Fact]
    public async Task The_his_moves_a_department_but_the_summary_staff_wrote_stays()
    {
        await PublishAsync(new HisDepartmentSyncedIntegrationEvent("gk-sync", "骨科", "光谷院区", "门诊楼", "1楼", "027-87655101", "", "hs-gk", true));
        var created = await Eventually.Until(() => FindAsync("gk-sync"), d => d is not null, what: "the synced department");

        var staff = fixture.Service.CreateClient();
        staff.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For("staff"));
        (await staff.PutAsJsonAsync($"/api/hospital/departments/{created!.Value.GetProperty("id").GetGuid()}",
            new { name = "骨科", summary = "关节置换与运动医学（工作人员撰写）", phone = "027-87655101" })).EnsureSuccessStatusCode();

        await PublishAsync(new HisDepartmentSyncedIntegrationEvent("gk-sync", "骨科", "光谷院区", "住院楼", "6楼", "027-87655106",
            "HIS 简介", "hs-gk", true));
        var moved = await Eventually.Until(() => FindAsync("gk-sync"), d => d!.Value.GetProperty("building").GetString() == "住院楼",
            what: "the move from the HIS");
        Assert.Equal("关节置换与运动医学（工作人员撰写）", moved!.Value.GetProperty("summary").GetString());
        Assert.Equal("027-87655106", moved.Value.GetProperty("phone").GetString());
    }

    [Fact]
    public async Task A_department_closed_in_the_his_leaves_the_list()
    {
        await PublishAsync(new HisDepartmentSyncedIntegrationEvent("closing", "临时门诊", "本部院区", "门诊楼", "1楼", "", "", "hs-c", true));
        await Eventually.Until(() => FindAsync("closing"), d => d is not null, what: "the synced department");
        await PublishAsync(new HisDepartmentSyncedIntegrationEvent("closing", "临时门诊", "本部院区", "门诊楼", "1楼", "", "", "hs-c", false));
        await Eventually.Until(() => FindAsync("closing"), d => d is null, what: "the department gone from the list");
    }
}
