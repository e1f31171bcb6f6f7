using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts.His;
using Platform.Testing;

namespace Hospital.Tests;

/// <summary>Doctors as the HIS simulator defines them (seeded here without a HIS, synced on the stack), searched in
/// Chinese by name, department or disease, with clinic times from the HIS slots.</summary>
public sealed class DoctorsApiTests(HospitalServiceFixture fixture) : IClassFixture<HospitalServiceFixture>
{
    private async Task<List<JsonElement>> SearchAsync(string query) =>
        (await fixture.Service.CreateClient().GetFromJsonAsync<JsonElement>($"/api/hospital/doctors?q={Uri.EscapeDataString(query)}"))
        .EnumerateArray().ToList();

    private static string Id(JsonElement d) => d.GetProperty("id").GetString()!;

    [Fact]
    public async Task A_disease_finds_the_endocrinologists_whose_expertise_mentions_it()
    {
        var found = await SearchAsync("糖尿病");
        // The HIS simulator's endocrinologists listing 糖尿病及并发症: 朱健鹤 (prac-042, 主任医师) and 田松 (prac-044).
        Assert.Equal(["prac-042", "prac-044"], found.Select(Id).Take(2).ToList());
        Assert.DoesNotContain("prac-043", found.Select(Id)); // the third endocrinologist treats 骨质疏松 and 甲状腺疾病 only
        Assert.All(found, d => Assert.Contains("糖尿病", d.GetProperty("expertise").GetString()));
        Assert.All(found, d => Assert.Equal("内分泌科", d.GetProperty("departments")[0].GetProperty("name").GetString()));
    }

    [Fact]
    public async Task A_name_match_ranks_above_everything_else()
    {
        var found = await SearchAsync("朱健鹤");
        Assert.Equal("prac-042", Id(found[0]));
        Assert.Equal("主任医师", found[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_department_name_finds_its_doctors_senior_first_and_two_terms_narrow_it()
    {
        var cardiology = await SearchAsync("心血管内科");
        Assert.Equal(4, cardiology.Count);
        Assert.Equal("主任医师", cardiology[0].GetProperty("title").GetString());
        Assert.All(cardiology, d => Assert.Equal("xxgnk", d.GetProperty("departments")[0].GetProperty("code").GetString()));

        var narrowed = await SearchAsync("内分泌 骨质疏松");
        Assert.Equal(["prac-043"], narrowed.Select(Id).ToList());
        Assert.Empty(await SearchAsync("不存在的病"));
    }

    [Fact]
    public async Task Filtering_by_department_and_a_generated_avatar_until_a_photo_is_uploaded()
    {
        var client = fixture.Service.CreateClient();
        var cardiology = await client.GetFromJsonAsync<JsonElement>("/api/hospital/doctors?department=xxgnk");
        Assert.Equal(4, cardiology.GetArrayLength());
        var photo = cardiology[0].GetProperty("photoUrl").GetString()!;
        var avatar = await client.GetAsync(photo);
        Assert.Equal("image/svg+xml", avatar.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/hospital/doctors/prac-999")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/hospital/doctors?q={new string('病', 51)}")).StatusCode);
    }

    [Fact]
    public async Task A_doctor_synced_from_the_his_shows_clinic_times_from_its_slots()
    {
        var china = TimeSpan.FromHours(8);
        var tomorrow = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(china).Date).AddDays(1);
        var at = (int hour, int minute) => new DateTimeOffset(tomorrow.ToDateTime(new TimeOnly(hour, minute)), china);
        var doctor = new HisPractitionerSyncedIntegrationEvent("prac-sync-1", "欧阳明", "male", "副主任医师", ["nfmk"],
            "糖尿病及并发症、甲状腺疾病", "欧阳明，副主任医师。", 3000, "D9001", true);
        var slots = new HisScheduleSlotsSyncedIntegrationEvent("sch-sync-1", "prac-sync-1", "nfmk", tomorrow,
        [
            new HisSlot("s1", at(8, 0), at(8, 15), "free", "1"),
            new HisSlot("s2", at(8, 15), at(8, 30), "busy", "1"),
            new HisSlot("s3", at(14, 0), at(14, 15), "free", "1"),
        ]);
        await TestBus.PublishAsync(fixture.VirtualHost.AmqpUri, ctx => ctx.MessageId = ctx.Message.Id, doctor);
        await TestBus.PublishAsync(fixture.VirtualHost.AmqpUri, ctx => ctx.MessageId = ctx.Message.Id, slots);

        var client = fixture.Service.CreateClient();
        var detail = await Eventually.Until(async () =>
        {
            var response = await client.GetAsync("/api/hospital/doctors/prac-sync-1");
            return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : (JsonElement?)null;
        }, d => d is { } x && x.GetProperty("clinicTimes").GetArrayLength() == 2, what: "the synced doctor with clinic times");
        var times = detail!.Value.GetProperty("clinicTimes");
        Assert.Equal("上午", times[0].GetProperty("period").GetString());
        Assert.Equal(1, times[0].GetProperty("freeSlots").GetInt32());
        Assert.Equal(2, times[0].GetProperty("totalSlots").GetInt32());
        Assert.Equal("下午", times[1].GetProperty("period").GetString());
        Assert.Equal("男", detail.Value.GetProperty("gender").GetString());
        Assert.Contains("prac-sync-1", (await SearchAsync("糖尿病")).Select(Id));
        // The ids Scheduling gives the same doctor and department, so the page can link into 预约挂号.
        Assert.Equal(HisIds.Doctor("prac-sync-1"), detail.Value.GetProperty("schedulingId").GetGuid());
        Assert.Equal(HisIds.Department("nfmk"), detail.Value.GetProperty("departments")[0].GetProperty("schedulingId").GetGuid());
    }
}
