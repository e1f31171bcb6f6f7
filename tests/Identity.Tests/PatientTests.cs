using System.Net;
using System.Net.Http.Json;
using System.Text;
using Identity.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;
using Npgsql;
using Platform.Testing;

namespace Identity.Tests;

public sealed class PatientTests(IdentityFixture f) : IClassFixture<IdentityFixture>
{
    private static object Request(string name, string idNumber, string phone, string relation = "parent", string method = "id_card",
        string? cardNumber = null, bool? guardianConsent = null) =>
        new { relation, name, idType = "resident_id", idNumber, phone, method, cardNumber, guardianConsent };

    private async Task<(Session Session, HttpClient Client)> SignedIn()
    {
        var session = await f.RegisterAsync();
        return (session, f.Client(session.AccessToken));
    }

    [Fact]
    public async Task A_verified_patient_is_added_encrypted_at_rest_masked_in_answers_and_announced_once()
    {
        var (session, client) = await SignedIn();
        var idNumber = IdentityApi.ResidentId(new DateOnly(1958, 4, 12));
        var phone = IdentityApi.NewPhone();
        await f.AddKnownPersonAsync("李秀英", idNumber);

        var response = await client.PostAsJsonAsync("/api/identity/me/patients", Request("李秀英", idNumber, phone));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var patient = await response.JsonAsync();
        var patientId = patient.GetProperty("id").GetGuid();
        Assert.Equal(idNumber[..4] + new string('*', 12) + idNumber[^2..], patient.GetProperty("idNumberMasked").GetString());
        Assert.Equal(phone[..3] + "****" + phone[^4..], patient.GetProperty("phoneMasked").GetString());
        Assert.Equal(1958, patient.GetProperty("birthYear").GetInt32());
        Assert.True(patient.GetProperty("verified").GetBoolean());

        var list = await client.GetStringAsync("/api/identity/me/patients");
        var export = await client.GetStringAsync("/api/identity/me/export");
        foreach (var body in new[] { list, export, await response.Content.ReadAsStringAsync() })
        {
            Assert.DoesNotContain(idNumber, body);
            Assert.DoesNotContain(phone, body);
        }

        var stored = await RowText($"SELECT p::text FROM patients p WHERE id = '{patientId}'");
        Assert.DoesNotContain(idNumber, stored);
        Assert.DoesNotContain(phone, stored);
        Assert.DoesNotContain(session.Phone, await RowText($"SELECT a::text FROM accounts a WHERE id = '{session.AccountId}'"));

        var sent = await Eventually.Until(() => f.Database.ScalarAsync(
                $"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%PatientRegisteredIntegrationEvent%' AND payload->>'patientId' = '{patientId}' AND sent_at IS NOT NULL"),
            n => n >= 1, TimeSpan.FromSeconds(20), "event dispatched");
        Assert.Equal(1, sent);

        var token = await (await f.TokenAsync(("grant_type", "refresh_token"), ("refresh_token", session.RefreshToken), ("client_id", "patient"))).JsonAsync();
        var pids = new JsonWebToken(token.GetProperty("access_token").GetString()).GetPayloadValue<string[]>("pid");
        Assert.Contains(patientId.ToString(), pids);

        var logs = string.Join("\n", f.Logs.Lines);
        Assert.NotEmpty(f.Logs.Lines);
        foreach (var secret in new[] { idNumber, phone, session.Phone, "李秀英" })
            Assert.DoesNotContain(secret, logs);
    }

    [Fact]
    public async Task Another_accounts_patient_answers_as_if_it_did_not_exist()
    {
        var (_, owner) = await SignedIn();
        var idNumber = IdentityApi.ResidentId(new DateOnly(1985, 1, 2));
        await f.AddKnownPersonAsync("王建国", idNumber);
        var created = await (await owner.PostAsJsonAsync("/api/identity/me/patients", Request("王建国", idNumber, IdentityApi.NewPhone()))).JsonAsync();
        var url = $"/api/identity/me/patients/{created.GetProperty("id").GetGuid()}";

        var (_, intruder) = await SignedIn();
        var unknown = await intruder.GetAsync($"/api/identity/me/patients/{Guid.NewGuid()}");
        var someoneElses = await intruder.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, someoneElses.StatusCode);
        Assert.Equal((await unknown.JsonAsync()).GetProperty("code").GetString(), (await someoneElses.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.DeleteAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync(url)).StatusCode);

        // The same person cannot be bound to the intruder's account either, until the owner consents to sharing.
        var bind = await intruder.PostAsJsonAsync("/api/identity/me/patients", Request("王建国", idNumber, IdentityApi.NewPhone()));
        Assert.Equal(HttpStatusCode.Conflict, bind.StatusCode);
        Assert.Equal("already_bound", (await bind.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await owner.PutAsJsonAsync(url + "/sharing", new { allowed = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await intruder.PostAsJsonAsync("/api/identity/me/patients",
            Request("王建国", idNumber, IdentityApi.NewPhone()))).StatusCode);
    }

    [Fact]
    [Trait("Rubric", "S01")]
    public async Task A_wrong_name_with_someone_elses_id_number_is_answered_as_for_anyone_unregistered()
    {
        var (_, owner) = await SignedIn();
        var registered = IdentityApi.ResidentId(new DateOnly(1979, 8, 9));
        await f.AddKnownPersonAsync("赵立新", registered);
        Assert.Equal(HttpStatusCode.Created, (await owner.PostAsJsonAsync("/api/identity/me/patients", Request("赵立新", registered, IdentityApi.NewPhone()))).StatusCode);
        var unregistered = IdentityApi.ResidentId(new DateOnly(1979, 8, 10));
        await f.AddKnownPersonAsync("赵立军", unregistered);

        var (_, prober) = await SignedIn();
        var probeRegistered = await prober.PostAsJsonAsync("/api/identity/me/patients", Request("钱多多", registered, IdentityApi.NewPhone()));
        var probeUnregistered = await prober.PostAsJsonAsync("/api/identity/me/patients", Request("钱多多", unregistered, IdentityApi.NewPhone()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, probeRegistered.StatusCode);
        Assert.Equal(probeUnregistered.StatusCode, probeRegistered.StatusCode);
        var a = await probeRegistered.JsonAsync();
        var b = await probeUnregistered.JsonAsync();
        foreach (var field in new[] { "code", "title", "detail", "status" })
            Assert.Equal(b.GetProperty(field).ToString(), a.GetProperty(field).ToString());
        // Only someone who names the person correctly learns that they are already bound.
        var named = await prober.PostAsJsonAsync("/api/identity/me/patients", Request("赵立新", registered, IdentityApi.NewPhone()));
        Assert.Equal("already_bound", (await named.JsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    [Trait("Rubric", "S01")]
    public async Task Patient_answers_carry_an_irreversible_mask_and_no_full_birth_date()
    {
        var (_, client) = await SignedIn();
        var birth = new DateOnly(1966, 11, 23);
        var idNumber = IdentityApi.ResidentId(birth);
        await f.AddKnownPersonAsync("孙秀兰", idNumber);
        var created = await client.PostAsJsonAsync("/api/identity/me/patients", Request("孙秀兰", idNumber, IdentityApi.NewPhone()));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync()).GetProperty("id").GetGuid();
        var bodies = new[]
        {
            await created.Content.ReadAsStringAsync(), await client.GetStringAsync("/api/identity/me/patients"),
            await client.GetStringAsync($"/api/identity/me/patients/{id}"), await client.GetStringAsync("/api/identity/me/export"),
        };
        foreach (var body in bodies)
        {
            Assert.Contains(idNumber[..4] + new string('*', 12) + idNumber[^2..], body);
            Assert.DoesNotContain(idNumber, body);
            Assert.DoesNotContain("1966-11-23", body);
            Assert.DoesNotContain("19661123", body);
        }
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "110101199003071233", "name")]
    [InlineData("张三'; DROP TABLE patients;--", "110101199003071233", "name")]
    [InlineData("张三张三张三张三张三张三张三张三张三张三张三张三张三张三张三张三", "110101199003071233", "name")]
    [InlineData("张三", "110101199003071234", "idNumber")]
    [InlineData("张三", "990101199003071236", "idNumber")]
    [InlineData("张三", "110101203001011234", "idNumber")]
    [InlineData("张三", "11010119900307123' OR '1'='1", "idNumber")]
    public async Task Hostile_input_is_refused_in_chinese_before_any_verification_and_nothing_is_stored(string name, string idNumber, string field)
    {
        var (session, client) = await SignedIn();
        var response = await client.PostAsJsonAsync("/api/identity/me/patients", Request(name, idNumber, IdentityApi.NewPhone(), "self"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", problem.GetProperty("errors").GetProperty(field)[0].GetString());
        Assert.Equal(0, await f.Database.ScalarAsync($"SELECT count(*) FROM patients WHERE account_id = '{session.AccountId}'"));
    }

    [Fact]
    public async Task Children_under_fourteen_need_guardian_consent()
    {
        var (_, client) = await SignedIn();
        var child = IdentityApi.ResidentId(DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-6));
        await f.AddKnownPersonAsync("王小宝", child);
        var without = await client.PostAsJsonAsync("/api/identity/me/patients", Request("王小宝", child, IdentityApi.NewPhone(), "child"));
        Assert.True((await without.JsonAsync()).GetProperty("errors").TryGetProperty("guardianConsent", out _));
        var with = await client.PostAsJsonAsync("/api/identity/me/patients", Request("王小宝", child, IdentityApi.NewPhone(), "child", guardianConsent: true));
        Assert.Equal(HttpStatusCode.Created, with.StatusCode);
    }

    [Fact]
    public async Task Mismatch_and_unavailable_verification_are_told_apart()
    {
        var (session, client) = await SignedIn();
        var idNumber = IdentityApi.ResidentId(new DateOnly(1990, 5, 6));
        await f.AddKnownPersonAsync("周芳", idNumber, new { bankCards = new[] { new { cardNumber = "6222020200187654321", phone = "13911112222" } } });

        var mismatch = await client.PostAsJsonAsync("/api/identity/me/patients", Request("周芬", idNumber, IdentityApi.NewPhone()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, mismatch.StatusCode);
        Assert.Equal("realname_mismatch", (await mismatch.JsonAsync()).GetProperty("code").GetString());

        (await f.RealName.Http.PostAsJsonAsync("$sim/faults", new { mode = "timeout", delayMs = 3000 })).EnsureSuccessStatusCode();
        try
        {
            var unavailable = await client.PostAsJsonAsync("/api/identity/me/patients", Request("周芳", idNumber, IdentityApi.NewPhone()));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, unavailable.StatusCode);
            var problem = await unavailable.JsonAsync();
            Assert.Equal("realname_unavailable", problem.GetProperty("code").GetString());
            Assert.Equal("实名认证服务繁忙，请稍后重试", problem.GetProperty("detail").GetString());
        }
        finally
        {
            await f.RealName.Http.DeleteAsync("$sim/faults");
        }
        (await f.RealName.Http.PostAsJsonAsync("$sim/faults", new { mode = "rate_limit", count = 1 })).EnsureSuccessStatusCode();
        var retried = await client.PostAsJsonAsync("/api/identity/me/patients",
            Request("周芳", idNumber, "13911112222", method: "bank_card", cardNumber: "6222020200187654321"));
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.Equal(1, await f.Database.ScalarAsync($"SELECT count(*) FROM patients WHERE account_id = '{session.AccountId}'"));
    }

    [Fact]
    public async Task At_most_five_patients_and_one_self()
    {
        var (_, client) = await SignedIn();
        async Task<HttpResponseMessage> Add(string name, int birthYear, string relation)
        {
            var idNumber = IdentityApi.ResidentId(new DateOnly(birthYear, 3, 3));
            await f.AddKnownPersonAsync(name, idNumber);
            return await client.PostAsJsonAsync("/api/identity/me/patients", Request(name, idNumber, IdentityApi.NewPhone(), relation));
        }

        Assert.Equal(HttpStatusCode.Created, (await Add("刘一", 1960, "self")).StatusCode);
        Assert.Equal("self_exists", (await (await Add("刘二", 1961, "self")).JsonAsync()).GetProperty("code").GetString());
        foreach (var (name, year) in new[] { ("刘三", 1962), ("刘四", 1963), ("刘五", 1964), ("刘六", 1965) })
            Assert.Equal(HttpStatusCode.Created, (await Add(name, year, "other")).StatusCode);
        var over = await Add("刘七", 1966, "other");
        Assert.Equal(HttpStatusCode.Conflict, over.StatusCode);
        Assert.Equal("patient_limit", (await over.JsonAsync()).GetProperty("code").GetString());
    }

    private async Task<string> RowText(string sql)
    {
        await using var conn = new NpgsqlConnection(f.Database.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return (string)(await cmd.ExecuteScalarAsync())!;
    }
}
