using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Identity.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;
using Platform.Contracts.His;
using Platform.Security.Otp;
using Platform.Testing;

namespace Identity.Tests;

/// <summary>Two more demo clinicians beside doctor01, and two practitioners the HIS adapter has announced.</summary>
public sealed class ClinicianFixture : IdentityFixture
{
    public const string Secret = "JBSWY3DPEHPK3PXP";

    protected override IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string>
    {
        ["Identity:DemoAccounts:10:Username"] = "doctor02", ["Identity:DemoAccounts:10:Password"] = "Doctor@2026",
        ["Identity:DemoAccounts:10:Role"] = "doctor", ["Identity:DemoAccounts:10:TotpSecret"] = Secret,
        ["Identity:DemoAccounts:11:Username"] = "pharmacist01", ["Identity:DemoAccounts:11:Password"] = "Pharma@2026",
        ["Identity:DemoAccounts:11:Role"] = "pharmacist", ["Identity:DemoAccounts:11:TotpSecret"] = Secret,
    };
}

/// <summary>A clinician account carries its HIS Practitioner in the <c>practitioner_id</c> claim; staff set the link, it is
/// audited, and changing it signs the account out everywhere. doctor01 is seeded as prac-029.</summary>
public sealed class ClinicianLinkTests(ClinicianFixture f) : IClassFixture<ClinicianFixture>
{
    private static string Code(DateTimeOffset at) => Totp.Compute(Base32.Decode(ClinicianFixture.Secret), Totp.StepAt(at));

    /// <summary>Each staff sign-in moves the clock a TOTP step on: a code is accepted once per account and step.</summary>
    private async Task<JsonElement> SignInAsync(string username, string password, string client)
    {
        f.Clock.Advance(TimeSpan.FromSeconds(31));
        var response = await f.PasswordLoginAsync(username, password, client, Code(f.Clock.GetUtcNow()), "totp");
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        return body;
    }

    private static string? PractitionerClaim(JsonElement tokens) =>
        new JsonWebToken(tokens.GetProperty("access_token").GetString()).TryGetClaim("practitioner_id", out var c) ? c.Value : null;

    private async Task PublishPractitionersAsync()
    {
        await TestBus.PublishAsync(f.VirtualHost.AmqpUri, _ => { },
            new HisPractitionerSyncedIntegrationEvent("prac-901", "测试甲医生", "male", "主任医师", ["xxgnk"], "", "", 5000, "D9901", true),
            new HisPractitionerSyncedIntegrationEvent("prac-902", "测试乙医生", "female", "主治医师", ["xxgnk"], "", "", 1500, "D9902", true));
        await TestBus.PublishAsync(f.VirtualHost.AmqpUri, _ => { },
            new HisDepartmentSyncedIntegrationEvent("xxgnk", "心血管内科", "本部", "门诊楼", "3", "", "", "hs-xxgnk", true));
    }

    [Fact]
    public async Task The_seeded_doctor_carries_its_practitioner_in_the_access_token()
    {
        var tokens = await SignInAsync("doctor01", "Doctor@2026", "doctor");
        Assert.Equal("prac-029", PractitionerClaim(tokens));
        // A patient's token never carries one.
        Assert.Null(PractitionerClaim(await (await f.PasswordLoginAsync("demo", "Demo@2026")).JsonAsync()));
    }

    [Fact]
    public async Task Staff_link_a_doctor_audited_and_the_doctor_is_signed_out_everywhere()
    {
        await PublishPractitionersAsync();
        var admin = f.Client((await SignInAsync("admin", "Admin@2026", "admin")).GetProperty("access_token").GetString());
        var found = await Eventually.Until(() => admin.GetFromJsonAsync<JsonElement>("/api/identity/admin/practitioners?q=测试甲"),
            r => r.GetArrayLength() == 1, TimeSpan.FromSeconds(20), "the practitioner directory");
        Assert.Equal("prac-901", found[0].GetProperty("id").GetString());
        Assert.Equal("心血管内科", found[0].GetProperty("departments")[0].GetString());

        var before = await SignInAsync("doctor02", "Doctor@2026", "doctor");
        Assert.Null(PractitionerClaim(before));
        var doctor02 = (await admin.GetFromJsonAsync<JsonElement>("/api/identity/admin/clinicians?q=doctor02")).EnumerateArray().Single();
        var accountId = doctor02.GetProperty("accountId").GetGuid();

        // Only staff link; only clinicians are linked; one account per practitioner.
        var asDoctor = f.Client(before.GetProperty("access_token").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await asDoctor.PutAsJsonAsync($"/api/identity/admin/clinicians/{accountId}/practitioner",
            new { practitionerId = "prac-901" })).StatusCode);
        var taken = await admin.PutAsJsonAsync($"/api/identity/admin/clinicians/{accountId}/practitioner", new { practitionerId = "prac-029" });
        Assert.Equal(HttpStatusCode.NotFound, taken.StatusCode); // prac-029 is not in this test's directory
        var patient = await f.RegisterAsync();
        Assert.Equal("not_a_clinician", (await (await admin.PutAsJsonAsync($"/api/identity/admin/clinicians/{patient.AccountId}/practitioner",
            new { practitionerId = "prac-901" })).JsonAsync()).GetProperty("code").GetString());

        var linked = await admin.PutAsJsonAsync($"/api/identity/admin/clinicians/{accountId}/practitioner", new { practitionerId = "prac-901" });
        var body = await linked.JsonAsync();
        Assert.True(linked.StatusCode == HttpStatusCode.OK, body.ToString());
        Assert.Equal("prac-901", body.GetProperty("practitionerId").GetString());
        Assert.Equal("测试甲医生", body.GetProperty("practitioner").GetProperty("name").GetString());
        Assert.Equal("admin", body.GetProperty("linkedBy").GetString());

        // The old session cannot refresh into a token without (or with a stale) practitioner; a new sign-in carries it.
        var refresh = await f.TokenAsync(("grant_type", "refresh_token"), ("refresh_token", before.GetProperty("refresh_token").GetString()!),
            ("client_id", "doctor"));
        Assert.Equal(HttpStatusCode.BadRequest, refresh.StatusCode);
        Assert.Equal("prac-901", PractitionerClaim(await SignInAsync("doctor02", "Doctor@2026", "doctor")));

        // Another account cannot take the same practitioner.
        var pharmacist = (await admin.GetFromJsonAsync<JsonElement>("/api/identity/admin/clinicians?q=pharmacist01")).EnumerateArray().Single();
        var twice = await admin.PutAsJsonAsync($"/api/identity/admin/clinicians/{pharmacist.GetProperty("accountId").GetGuid()}/practitioner",
            new { practitionerId = "prac-901" });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("practitioner_already_linked", (await twice.JsonAsync()).GetProperty("code").GetString());

        // Searching the clinicians by the practitioner's name finds the account; the history says who linked whom, when.
        var byName = await admin.GetFromJsonAsync<JsonElement>("/api/identity/admin/clinicians?q=测试甲");
        Assert.Equal(accountId, byName.EnumerateArray().Single().GetProperty("accountId").GetGuid());
        var history = await admin.GetFromJsonAsync<JsonElement>($"/api/identity/admin/clinicians/{accountId}/practitioner-links");
        var change = history.EnumerateArray().Single();
        Assert.Equal(JsonValueKind.Null, change.GetProperty("previousPractitionerId").ValueKind);
        Assert.Equal("prac-901", change.GetProperty("practitionerId").GetString());
        Assert.Equal("admin", change.GetProperty("changedBy").GetString());
    }
}
