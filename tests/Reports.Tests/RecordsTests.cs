using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;
using Platform.Contracts.Consultation;
using Platform.Contracts.His;
using Platform.Contracts.Identity;
using Platform.Testing;

namespace Reports.Tests;

/// <summary>R21 reads through the HIS adapter, X10 access log, X11 explanations, the trend, doctors' care relationship,
/// every cross-patient attempt (403, nothing revealed, audited) and share links (revoked, expired).</summary>
public sealed class RecordsTests(ReportsFixture f) : IClassFixture<ReportsFixture>
{
    private const string Glucose = "14749-6";
    private const string Alt = "1742-6";

    private async Task<JsonElement> ListAsync(HttpClient client, Guid patient) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/reports/patients/{patient}/reports");

    private async Task<Guid> ReportWithAsync(string loinc)
    {
        var list = await ListAsync(f.Patient(f.ZhangSanAccount, f.ZhangSan), f.ZhangSan);
        var hisIds = (await f.AdapterGetAsync<JsonElement>($"/api/his/patients/{f.ZhangSan}/reports")).EnumerateArray()
            .Where(r => r.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("loinc").GetString() == loinc
                && i.GetProperty("abnormal").GetBoolean()))
            .Select(r => r.GetProperty("id").GetString()!).ToList();
        return list.GetProperty("items").EnumerateArray().First(r => hisIds.Contains(r.GetProperty("hisId").GetString()!)).GetProperty("id").GetGuid();
    }

    private async Task<List<JsonElement>> AccessLogAsync() =>
        (await f.Patient(f.ZhangSanAccount, f.ZhangSan).GetFromJsonAsync<JsonElement>($"/api/reports/patients/{f.ZhangSan}/access-log"))
        .EnumerateArray().ToList();

    private static async Task<string> CodeOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;

    [Fact]
    public async Task The_patient_sees_lab_and_imaging_reports_with_ranges_arrows_and_explanations()
    {
        var list = await ListAsync(f.Patient(f.ZhangSanAccount, f.ZhangSan), f.ZhangSan);
        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(items, r => r.GetProperty("kind").GetString() == "lab" && r.GetProperty("title").GetString() == "血糖+糖化血红蛋白");
        Assert.Contains(items, r => r.GetProperty("kind").GetString() == "imaging");
        Assert.True(list.GetProperty("fetchedAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));

        // The id report-ready messages link to is the platform's stable id of the HIS report.
        var id = await ReportWithAsync(Alt);
        var hisId = items.First(r => r.GetProperty("id").GetGuid() == id).GetProperty("hisId").GetString()!;
        Assert.Equal(HisIds.Stable(f.ZhangSan, "DiagnosticReport/" + hisId), id);
        var report = await f.Patient(f.ZhangSanAccount, f.ZhangSan).GetFromJsonAsync<JsonElement>($"/api/reports/reports/{id}");
        var alt = report.GetProperty("items").EnumerateArray().First(i => i.GetProperty("loinc").GetString() == Alt);
        Assert.Equal("↑", alt.GetProperty("arrow").GetString());
        Assert.Equal("88", alt.GetProperty("value").GetString());
        Assert.Contains("9", alt.GetProperty("referenceRange").GetString());
        var note = alt.GetProperty("explanation");
        Assert.Equal("high", note.GetProperty("direction").GetString());
        Assert.Contains("肝", note.GetProperty("meaning").GetString());
        Assert.False(string.IsNullOrEmpty(note.GetProperty("source").GetString()));
        Assert.Contains("不是诊断", note.GetProperty("disclaimer").GetString());
        Assert.Equal(JsonValueKind.Null, note.GetProperty("emergency").ValueKind);
        Assert.Contains("患者本人/家属", report.GetProperty("watermark").GetString());

        var imaging = items.First(r => r.GetProperty("kind").GetString() == "imaging").GetProperty("id").GetGuid();
        var film = await f.Patient(f.ZhangSanAccount, f.ZhangSan).GetFromJsonAsync<JsonElement>($"/api/reports/reports/{imaging}");
        Assert.Contains("检查所见", film.GetProperty("findings").GetString());
        Assert.Equal("DX", film.GetProperty("imaging").GetProperty("modality").GetString());

        // The radiologist's key images come through as the image bytes the HIS holds, read like the report (audited).
        var keyImages = film.GetProperty("keyImages").EnumerateArray().ToList();
        Assert.Equal(2, keyImages.Count);
        Assert.StartsWith("关键图像", keyImages[0].GetProperty("caption").GetString());
        var image = await f.Patient(f.ZhangSanAccount, f.ZhangSan).GetAsync($"/api/reports/reports/{imaging}/images/0");
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", image.Headers.CacheControl?.ToString());
        var png = await image.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4e, 0x47 }, png[..4]);
        Assert.True(png.Length > 1000, $"a real image, {png.Length} bytes");
        Assert.Equal(HttpStatusCode.NotFound, (await f.Patient(f.ZhangSanAccount, f.ZhangSan).GetAsync($"/api/reports/reports/{imaging}/images/7")).StatusCode);
        Assert.Contains(await AccessLogAsync(), e => e.GetProperty("what").GetString()!.Contains("关键图像 1"));
    }

    [Fact]
    public async Task Records_visits_and_the_glucose_trend_with_its_reference_band()
    {
        var me = f.Patient(f.ZhangSanAccount, f.ZhangSan);
        var trend = await me.GetFromJsonAsync<JsonElement>($"/api/reports/patients/{f.ZhangSan}/trends/{Glucose}");
        var values = trend.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("value").GetDecimal()).ToList();
        Assert.Equal([5.9m, 6.6m, 7.3m, 7.8m], values.Take(4));
        Assert.Equal(3.9m, trend.GetProperty("low").GetDecimal());
        Assert.Equal(6.1m, trend.GetProperty("high").GetDecimal());

        var documents = (await me.GetFromJsonAsync<JsonElement>($"/api/reports/patients/{f.ZhangSan}/documents")).GetProperty("items")
            .EnumerateArray().ToList();
        Assert.Contains(documents, d => d.GetProperty("kind").GetString() == "discharge");
        Assert.All(documents, d => Assert.Equal("", d.GetProperty("text").GetString()));
        var outpatient = documents.First(d => d.GetProperty("kind").GetString() == "outpatient").GetProperty("id").GetString();
        var record = await me.GetFromJsonAsync<JsonElement>($"/api/reports/patients/{f.ZhangSan}/documents/{outpatient}");
        Assert.Contains("【主诉】", record.GetProperty("text").GetString());

        var visits = (await me.GetFromJsonAsync<JsonElement>($"/api/reports/patients/{f.ZhangSan}/visits")).GetProperty("items")
            .EnumerateArray().ToList();
        Assert.Contains(visits, v => v.GetProperty("class").GetString() == "IMP" && v.GetProperty("disposition").GetString() == "好转出院");
        Assert.Contains(visits, v => v.GetProperty("department").GetString() == "内分泌科");
    }

    [Fact]
    public async Task Every_cross_patient_attempt_is_refused_reveals_nothing_and_is_audited()
    {
        var report = await ReportWithAsync(Alt);
        var intruder = f.Patient(f.OtherAccount, f.Other);
        var paths = new[]
        {
            $"/api/reports/patients/{f.ZhangSan}/reports", $"/api/reports/patients/{f.ZhangSan}/trends/{Glucose}",
            $"/api/reports/patients/{f.ZhangSan}/documents", $"/api/reports/patients/{f.ZhangSan}/documents/doc-00001",
            $"/api/reports/patients/{f.ZhangSan}/visits", $"/api/reports/patients/{f.ZhangSan}/access-log",
            $"/api/reports/patients/{f.ZhangSan}/shares",
        };
        foreach (var path in paths)
        {
            var response = await intruder.GetAsync(path);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal("record_forbidden", await CodeOf(response));
            Assert.DoesNotContain("张三", body);
            Assert.DoesNotContain("血糖", body);
            Assert.DoesNotContain("ALT", body);
        }
        // A record named by its own id answers the intruder exactly as an id nobody has: its existence is not revealed.
        foreach (var (path, unknown) in new[]
                 {
                     ($"/api/reports/reports/{report}", $"/api/reports/reports/{Guid.NewGuid()}"),
                     ($"/api/reports/reports/{report}/images/0", $"/api/reports/reports/{Guid.NewGuid()}/images/0"),
                 })
        {
            var response = await intruder.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal(await CodeOf(await intruder.GetAsync(unknown)), await CodeOf(response));
            Assert.DoesNotContain("血糖", await response.Content.ReadAsStringAsync());
        }
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.PostAsJsonAsync($"/api/reports/reports/{report}/shares", new { hours = 2 })).StatusCode);

        var log = await AccessLogAsync();
        var refused = log.Where(e => e.GetProperty("refused").GetBoolean() && e.GetProperty("roleText").GetString() == "其他账号").ToList();
        Assert.True(refused.Count >= 7, $"refused attempts logged: {refused.Count}");
        // The intruder's own patient's log holds none of it.
        var theirs = await intruder.GetFromJsonAsync<JsonElement>($"/api/reports/patients/{f.Other}/access-log");
        Assert.DoesNotContain(theirs.EnumerateArray(), e => e.GetProperty("refused").GetBoolean());
    }

    [Fact]
    public async Task A_family_account_reads_and_the_patient_sees_who_read_what()
    {
        var report = await ReportWithAsync(Glucose);
        var family = f.Patient(f.FamilyAccount, f.ZhangSan, Guid.CreateVersion7());
        Assert.Equal(HttpStatusCode.OK, (await family.GetAsync($"/api/reports/reports/{report}")).StatusCode);
        var log = await AccessLogAsync();
        var read = log.First(e => e.GetProperty("roleText").GetString() == "授权家属账号");
        Assert.Equal("血糖+糖化血红蛋白", read.GetProperty("what").GetString());
        Assert.False(read.GetProperty("refused").GetBoolean());
        Assert.Contains(log, e => e.GetProperty("thisAccount").GetBoolean());

        // Append-only: the database itself refuses to change or remove an entry.
        await using var conn = new NpgsqlConnection(f.Database.ConnectionString);
        await conn.OpenAsync();
        await using var update = new NpgsqlCommand("UPDATE access_events SET agent_name = 'x'", conn);
        await Assert.ThrowsAsync<PostgresException>(() => update.ExecuteNonQueryAsync());
        await using var delete = new NpgsqlCommand("DELETE FROM access_events", conn);
        await Assert.ThrowsAsync<PostgresException>(() => delete.ExecuteNonQueryAsync());
    }

    [Fact]
    public async Task A_doctor_reads_only_with_a_care_relationship_and_staff_only_with_a_purpose()
    {
        var visits = await f.AdapterGetAsync<JsonElement>($"/api/his/patients/{f.ZhangSan}/encounters");
        var attending = visits.EnumerateArray().Select(v => v.GetProperty("doctorId").GetString()).First(d => d is not null)!;
        var path = $"/api/reports/patients/{f.ZhangSan}/reports";

        var noClaim = await f.Doctor(null).GetAsync(path);
        Assert.Equal(HttpStatusCode.Forbidden, noClaim.StatusCode);
        Assert.Equal("practitioner_required", await CodeOf(noClaim));
        var stranger = await f.Doctor("prac-not-his-doctor").GetAsync(path);
        Assert.Equal(HttpStatusCode.Forbidden, stranger.StatusCode);
        Assert.Equal("no_care_relationship", await CodeOf(stranger));
        Assert.Equal(HttpStatusCode.OK, (await f.Doctor(attending, "赵强").GetAsync(path)).StatusCode);

        var staff = await f.Staff().GetAsync(path);
        Assert.Equal("purpose_required", await CodeOf(staff));
        Assert.Equal(HttpStatusCode.OK, (await f.Staff().GetAsync(path + "?purpose=" + Uri.EscapeDataString("病案复印"))).StatusCode);

        var log = await AccessLogAsync();
        Assert.Contains(log, e => e.GetProperty("who").GetString() == "赵强医生" && !e.GetProperty("refused").GetBoolean());
        Assert.Contains(log, e => e.GetProperty("role").GetString() == "doctor" && e.GetProperty("refused").GetBoolean());
        Assert.Contains(log, e => e.GetProperty("purpose").GetString() == "病案复印");
        // A pharmacist is not a reader of records at all.
        var pharmacist = f.Anonymous();
        pharmacist.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.For("pharmacist"));
        Assert.Equal(HttpStatusCode.Forbidden, (await pharmacist.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task A_share_link_opens_read_only_until_revoked_or_expired_and_each_open_is_audited()
    {
        var report = await ReportWithAsync(Alt);
        var me = f.Patient(f.ZhangSanAccount, f.ZhangSan);
        Assert.Equal(HttpStatusCode.BadRequest, (await me.PostAsJsonAsync($"/api/reports/reports/{report}/shares", new { hours = 500 })).StatusCode);
        var share = await (await me.PostAsJsonAsync($"/api/reports/reports/{report}/shares", new { hours = 2 })).Content.ReadFromJsonAsync<JsonElement>();
        var token = share.GetProperty("token").GetString()!;
        Assert.Equal($"/shared#{token}", share.GetProperty("path").GetString());
        var opened = await (await f.Anonymous().PostAsJsonAsync("/api/reports/shared", new { token })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(report, opened.GetProperty("report").GetProperty("id").GetGuid());
        Assert.Contains("分享", opened.GetProperty("report").GetProperty("watermark").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await f.Anonymous().PostAsJsonAsync("/api/reports/shared", new { token = token + "x" })).StatusCode);
        await using (var conn = new NpgsqlConnection(f.Database.ConnectionString))
        {
            await conn.OpenAsync();
            await using var stored = new NpgsqlCommand($"SELECT count(*) FROM share_links WHERE token_hash = '{token}'", conn);
            Assert.Equal(0L, (long)(await stored.ExecuteScalarAsync())!);
        }

        // Someone else cannot revoke it; the patient can, and then it opens no more.
        var shareId = share.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await f.Patient(f.OtherAccount, f.Other).DeleteAsync($"/api/reports/shares/{shareId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await me.DeleteAsync($"/api/reports/shares/{shareId}")).StatusCode);
        var revoked = await f.Anonymous().PostAsJsonAsync("/api/reports/shared", new { token });
        Assert.Equal(HttpStatusCode.Gone, revoked.StatusCode);
        Assert.Equal("share_revoked", await CodeOf(revoked));

        var second = await (await me.PostAsJsonAsync($"/api/reports/reports/{report}/shares", new { hours = 1 })).Content.ReadFromJsonAsync<JsonElement>();
        await using (var conn = new NpgsqlConnection(f.Database.ConnectionString))
        {
            await conn.OpenAsync();
            await using var expire = new NpgsqlCommand("UPDATE share_links SET expires_at = now() - interval '1 minute' WHERE id = @id", conn);
            expire.Parameters.AddWithValue("id", second.GetProperty("id").GetGuid());
            await expire.ExecuteNonQueryAsync();
        }
        var expired = await f.Anonymous().PostAsJsonAsync("/api/reports/shared", new { token = second.GetProperty("token").GetString() });
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Equal("share_expired", await CodeOf(expired));
        // The refusal carries no result: "88" is the ALT value (the trace id, random hex, may hold those digits too).
        var refusal = JsonNode.Parse(await expired.Content.ReadAsStringAsync())!.AsObject();
        refusal.Remove("traceId");
        Assert.DoesNotContain("88", refusal.ToJsonString());

        var log = await AccessLogAsync();
        Assert.Contains(log, e => e.GetProperty("role").GetString() == "share" && !e.GetProperty("refused").GetBoolean());
        Assert.True(log.Count(e => e.GetProperty("role").GetString() == "share" && e.GetProperty("refused").GetBoolean()) >= 2);
        var shares = await me.GetFromJsonAsync<JsonElement>($"/api/reports/patients/{f.ZhangSan}/shares");
        Assert.Contains(shares.EnumerateArray(), s => s.GetProperty("state").GetString() == "revoked" && s.GetProperty("views").GetInt32() == 1);
    }

    [Fact]
    public async Task A_patient_added_after_the_token_was_issued_is_readable_once_Identity_announced_it_and_not_after_removal()
    {
        var account = Guid.CreateVersion7();
        var stale = f.Patient(account); // a token from before the 就诊人 was added: no pid for them
        var path = $"/api/reports/patients/{f.ZhangSan}/visits";
        Assert.Equal(HttpStatusCode.Forbidden, (await stale.GetAsync(path)).StatusCode);
        await f.PublishAsync(new PatientRegisteredIntegrationEvent(f.ZhangSan, account));
        await Eventually.Until(async () => (await stale.GetAsync(path)).StatusCode, s => s == HttpStatusCode.OK, TimeSpan.FromSeconds(30), "the link");
        await f.PublishAsync(new PatientRemovedIntegrationEvent(f.ZhangSan, account));
        await Eventually.Until(async () => (await stale.GetAsync(path)).StatusCode, s => s == HttpStatusCode.Forbidden, TimeSpan.FromSeconds(30), "the unlink");
    }

    [Fact]
    public async Task An_online_consultations_doctor_reads_the_patients_records_while_it_lasts_and_a_day_after_it_ends()
    {
        var practitioner = "prac-online-" + Guid.NewGuid().ToString("N")[..8];
        var doctor = f.Doctor(practitioner, "钱医生");
        var path = $"/api/reports/patients/{f.ZhangSan}/reports";
        Assert.Equal("no_care_relationship", await CodeOf(await doctor.GetAsync(path)));

        var consultation = Guid.CreateVersion7();
        await f.PublishAsync(new ConsultationPaidIntegrationEvent(consultation, f.ZhangSan, practitioner, "钱医生", "text", "心血管内科",
            DateTimeOffset.UtcNow.AddHours(48)));
        await Eventually.Until(async () => (await doctor.GetAsync(path)).StatusCode, s => s == HttpStatusCode.OK, TimeSpan.FromSeconds(30),
            "the consultation's care relationship");
        // Another patient stays closed to that doctor: the consultation opens its own patient's records only.
        Assert.Equal("no_care_relationship", await CodeOf(await doctor.GetAsync($"/api/reports/patients/{f.Other}/reports")));

        await f.PublishAsync(new ConsultationEndedIntegrationEvent(consultation, f.ZhangSan, practitioner, "钱医生", "doctor",
            DateTimeOffset.UtcNow.AddDays(-2)));
        await Eventually.Until(async () => (await doctor.GetAsync(path)).StatusCode, s => s == HttpStatusCode.Forbidden, TimeSpan.FromSeconds(30),
            "the end of the care relationship a day after the consultation ended");
    }
}
