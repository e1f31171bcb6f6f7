using System.Net;
using System.Net.Http.Json;
using Identity.Tests.Support;

namespace Identity.Tests;

public sealed class PreferencesTests(IdentityFixture f) : IClassFixture<IdentityFixture>
{
    private const string Path = "/api/identity/me/preferences";

    [Fact]
    public async Task Elder_mode_is_off_until_switched_on_and_then_kept_for_the_account()
    {
        var session = await f.RegisterAsync();
        var client = f.Client(session.AccessToken);
        Assert.False((await (await client.GetAsync(Path)).JsonAsync()).GetProperty("elderMode").GetBoolean());

        var saved = await client.PutAsJsonAsync(Path, new { elderMode = true });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.True((await saved.JsonAsync()).GetProperty("elderMode").GetBoolean());

        // A new sign-in (another device) reads the same setting.
        var again = await (await f.PasswordLoginAsync(session.Username, session.Password)).JsonAsync();
        var other = f.Client(again.GetProperty("access_token").GetString());
        Assert.True((await (await other.GetAsync(Path)).JsonAsync()).GetProperty("elderMode").GetBoolean());

        Assert.Equal(HttpStatusCode.OK, (await other.PutAsJsonAsync(Path, new { elderMode = false })).StatusCode);
        Assert.False((await (await client.GetAsync(Path)).JsonAsync()).GetProperty("elderMode").GetBoolean());
    }

    [Fact]
    public async Task Each_account_sees_only_its_own_setting()
    {
        var mine = await f.RegisterAsync();
        var theirs = await f.RegisterAsync();
        Assert.Equal(HttpStatusCode.OK, (await f.Client(mine.AccessToken).PutAsJsonAsync(Path, new { elderMode = true })).StatusCode);
        Assert.False((await (await f.Client(theirs.AccessToken).GetAsync(Path)).JsonAsync()).GetProperty("elderMode").GetBoolean());
        Assert.Equal(1, await f.Database.ScalarAsync($"SELECT count(*) FROM accounts WHERE id = '{mine.AccountId}' AND elder_mode"));
        Assert.Equal(0, await f.Database.ScalarAsync($"SELECT count(*) FROM accounts WHERE id = '{theirs.AccountId}' AND elder_mode"));
    }

    [Fact]
    public async Task Preferences_need_a_signed_in_account()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await f.Client().GetAsync(Path)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await f.Client().PutAsJsonAsync(Path, new { elderMode = true })).StatusCode);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"elderMode\":null}")]
    [InlineData("{\"elderMode\":\"yes\"}")]
    [InlineData("not json")]
    public async Task Bad_input_is_a_chinese_problem_and_changes_nothing(string body)
    {
        var session = await f.RegisterAsync();
        var client = f.Client(session.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync(Path, new { elderMode = true })).StatusCode);

        var refused = await client.PutAsync(Path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.JsonAsync();
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("code").GetString()));
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", problem.GetProperty("title").GetString()!);
        Assert.True((await (await client.GetAsync(Path)).JsonAsync()).GetProperty("elderMode").GetBoolean());
    }
}
