using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Acceptance.Tests.Identity;
using Platform.Testing;

namespace Acceptance.Tests.Security;

/// <summary>A NUL character in a form field, a JSON string or the query is refused as invalid input (it used to
/// reach PostgreSQL and come back as a 500) on the routes where it did, through the edge.</summary>
[Trait("Rubric", "S01")]
public sealed class NulInputTests
{
    private static readonly HttpClient Http = new() { BaseAddress = new Uri(TestEnvironment.EdgeUrl) };

    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("invalid_characters", problem.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("username")]
    [InlineData("password")]
    public async Task The_token_endpoint_refuses_a_nul_in_a_form_field(string field)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "password", ["client_id"] = "patient", ["username"] = "demo", ["password"] = "Demo@2026" };
        form[field] += "\0x";
        await AssertRefusedAsync(await Http.PostAsync("/api/identity/connect/token", new FormUrlEncodedContent(form)));
    }

    [Fact]
    public async Task The_sms_second_factor_request_refuses_a_nul_in_json() =>
        await AssertRefusedAsync(await Http.PostAsJsonAsync("/api/identity/mfa/sms", new { username = "demo\0", password = "x" }));

    [Fact]
    public async Task Accepting_an_agreement_refuses_a_nul_in_json_and_records_nothing()
    {
        var account = await IdentityApi.RegisterAsync();
        var before = await IdentityApi.GetAsync(account.AccessToken, "/api/identity/me/agreements");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/identity/me/agreements")
        {
            Content = JsonContent.Create(new { kind = "privacy", version = "v1\0" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", account.AccessToken);
        await AssertRefusedAsync(await Http.SendAsync(request));
        var after = await IdentityApi.GetAsync(account.AccessToken, "/api/identity/me/agreements");
        Assert.Equal(before.GetRawText(), after.GetRawText());
    }

    [Fact]
    public async Task A_nul_in_the_query_is_refused() =>
        await AssertRefusedAsync(await Http.GetAsync("/api/hospital/departments?campus=%00"));
}
